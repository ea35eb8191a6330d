/**
 * Repository paths named by a plan (`file:` criteria, objective measures). People write
 * `./docs/README.md` or `/docs/README.md` as often as `docs/README.md`; GitHub (and the
 * snapshot's `files`) know only the last form, so a plan's path would silently never be
 * found. What cannot name a file in the repository at all is an error (see `repoPathProblem`).
 */

/** `./docs/a.md`, `/docs/a.md` → `docs/a.md`. */
export function normalizeRepoPath(path: string): string {
  let out = path;
  for (;;) {
    const next = out.replace(/^\.\//, "").replace(/^\/+/, "");
    if (next === out) return out;
    out = next;
  }
}

/**
 * What is wrong with `path` and how to fix it ("names a folder, not a file — …"), or
 * undefined when it can name a file of the repository.
 */
export function repoPathProblem(path: string): string | undefined {
  const plain = normalizeRepoPath(path);
  if (plain.trim() === "") {
    return "names no file — write the file's path from the repository root, e.g. docs/README.md";
  }
  if (path.includes("\\")) {
    return `separates folders with "\\" — GitHub paths use "/": write "${path.replaceAll("\\", "/")}"`;
  }
  if (plain.split("/").some((segment) => segment === "..")) {
    return 'climbs out with ".." — write the path from the repository root, e.g. docs/README.md';
  }
  if (plain.endsWith("/")) {
    return "names a folder, not a file — name a file in it, e.g. docs/README.md";
  }
  return undefined;
}
