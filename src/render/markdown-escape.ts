/**
 * Text from the plan and from GitHub (titles, messages, details) goes into Markdown as
 * text: characters Markdown or HTML would act on are escaped, and line breaks become
 * spaces so a title cannot open a heading or break a table row.
 */
export function md(text: string, maxChars?: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const clipped =
    maxChars !== undefined && flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
  // `#` and `@` stay as they are so `#12` and `@alice` still link; nothing here starts a line.
  return clipped.replace(/&/g, "&amp;").replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`);
}

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

export function bold(text: string): string {
  return `**${text}**`;
}
