/**
 * `report --format html`: one self-contained page for teams that publish status outside
 * GitHub — the plan's tree, the milestone timeline with today marked, and the burn-up. With
 * `--pr`, first what the pull request serves and what merging it changes; fired risks before
 * the milestones, as in every report. No script, no stylesheet or font from elsewhere: it
 * views the same offline.
 */

import type { HistoryEntry } from "../model/names/history.ts";
import type { DeliverableResult, MilestoneResult, Report } from "../model/report.ts";
import { dayIn } from "../model/time-zone.ts";
import { joinAnd, plural } from "../model/words.ts";
import { escapeHtml as h } from "./escape.ts";
import { formatInstant } from "./format.ts";
import { deliverableTitle, milestoneTitle } from "./lookups.ts";
import { MET_BY_MERGING, mergeChangeSummary, STILL_UNMET } from "./merge-change-summary.ts";
import { milestoneState, STATE_COLORS, STATE_WORDS } from "./milestone-state.ts";
import { risksHtml } from "./risks-section.ts";
import { burnUpSvg, timelineSvg } from "./svg-charts.ts";
import { SERVES_NO_DELIVERABLE, verdict } from "./verdict.ts";
import { WARNING_TITLES } from "./warning-titles.ts";

const STYLE = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;max-width:960px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.3em}h2{font-size:1.25em;margin-top:1.6em}
.state{display:inline-block;border-radius:1em;padding:0 .6em;color:#fff;font-size:12px}
.met{color:#1a7f37}.unmet{color:#cf222e}.muted{color:#57606a}
details{margin:.3em 0 .3em 1em}summary{cursor:pointer}ul{margin:.2em 0}
svg{max-width:100%;height:auto}`;

function stateBadge(m: MilestoneResult): string {
  const state = milestoneState(m);
  return `<span class="state" style="background:${STATE_COLORS[state]}">${STATE_WORDS[state]}</span>`;
}

function deliverable(d: DeliverableResult): string {
  const criteria = d.criteria
    .map(
      (c) =>
        `<li class="${c.met ? "met" : "unmet"}">${c.met ? "✓" : "✗"} ${h(c.name)} <span class="muted">— ${h(c.detail)}</span></li>`,
    )
    .join("");
  const owner = d.owner ? ` <span class="muted">owner @${h(d.owner)}</span>` : "";
  return `<details${d.done ? "" : " open"}><summary>${d.done ? "✓" : "○"} ${h(d.title)}${owner}</summary><ul>${criteria}</ul></details>`;
}

function milestone(m: MilestoneResult): string {
  const due = m.due ? ` <span class="muted">due ${h(m.due)}</span>` : "";
  return `<details open><summary><strong>${h(m.title)}</strong> ${stateBadge(m)}${due} <span class="muted">${m.criteria.met}/${m.criteria.total} criteria</span></summary>${m.deliverables.map(deliverable).join("")}</details>`;
}

/** The pull request (with `--pr`): its verdict, what it serves, its warnings, what merging changes. */
function pullRequestSection(report: Report): string[] {
  const pr = report.pullRequest;
  if (!pr) return [];
  const v = verdict(report, {
    strong: (t) => `<strong>${h(t)}</strong>`,
    code: (t) => `<code>${h(t)}</code>`,
  });
  const milestones = pr.milestones.map((id) => milestoneTitle(report, id));
  const serves =
    pr.deliverables.length === 0
      ? SERVES_NO_DELIVERABLE
      : `Serves ${joinAnd(pr.deliverables.map((id) => deliverableTitle(report, id)))}${milestones.length ? ` → ${joinAnd(milestones)}` : ""}`;
  const out = [
    `<h2>Pull request #${pr.number}${pr.title ? `: ${h(pr.title)}` : ""}</h2>`,
    `<p>${v.icon} ${v.text}</p>`,
    `<p>${h(serves)} <span class="muted">· conclusion ${h(pr.conclusion)}</span></p>`,
  ];
  if (pr.warnings.length > 0) {
    const items = pr.warnings.map(
      (w) => `<li><strong>${h(WARNING_TITLES[w.code])}</strong>: ${h(w.message)}</li>`,
    );
    out.push(`<ul>${items.join("")}</ul>`);
  }
  const criterion = (c: { deliverable: string | null; name: string; detail: string }) =>
    `${c.deliverable ? `${h(deliverableTitle(report, c.deliverable))}: ` : ""}${h(c.name)} <span class="muted">— ${h(c.detail)}</span>`;
  for (const change of pr.mergeChanges ?? []) {
    const items = [
      ...change.meets.map((c) => `<li class="met">✓ ${MET_BY_MERGING} ${criterion(c)}</li>`),
      ...change.unmet.map((c) => `<li class="unmet">✗ ${STILL_UNMET} ${criterion(c)}</li>`),
    ];
    out.push(
      `<p>${h(mergeChangeSummary(milestoneTitle(report, change.milestone), change))}</p>`,
      items.length > 0 ? `<ul>${items.join("")}</ul>` : "",
    );
  }
  return out.filter((part) => part !== "");
}

export function renderHtml(
  report: Report,
  options: { history?: readonly HistoryEntry[] } = {},
): string {
  const title = `Plan of ${report.repository}`;
  const achieved = report.milestones.filter((m) => m.achieved).length;
  const sections: string[] = [
    `<h1>${h(title)}</h1>`,
    `<p>${achieved} of ${plural(report.milestones.length, "milestone")} achieved · evaluated ${h(formatInstant(report.evaluatedAt, report.timezone))}${report.plan.valid ? "" : ` · <strong class="unmet">the plan ${h(report.plan.path)} is invalid</strong>`}</p>`,
    ...pullRequestSection(report),
    ...(report.plan.valid ? risksHtml(report, h) : []),
  ];
  if (report.forecast) {
    const when = report.forecast.date
      ? `every criterion met by <strong>${h(report.forecast.date)}</strong>`
      : "<strong>not at this pace</strong>";
    sections.push(
      `<p>Forecast: ${when} (${report.forecast.pacePerWeek} criteria a week over the last 28 days).</p>`,
    );
  }
  const timeline = timelineSvg({
    milestones: report.milestones,
    today: dayIn(report.evaluatedAt, report.timezone),
  });
  if (timeline) {
    const legend = (Object.keys(STATE_WORDS) as (keyof typeof STATE_WORDS)[])
      .map((s) => `<span style="color:${STATE_COLORS[s]}">◆</span> ${STATE_WORDS[s]}`)
      .join(" · ");
    sections.push(
      "<h2>Milestones</h2>",
      timeline,
      `<p class="muted">${legend} · the dashed line is today</p>`,
    );
  }
  const undated = report.milestones.filter((m) => !m.due);
  if (undated.length > 0)
    sections.push(
      `<p class="muted">Without a date: ${undated.map((m) => h(m.title)).join(", ")}</p>`,
    );
  const history = options.history ?? [];
  const burnUp = burnUpSvg(history);
  if (burnUp)
    sections.push(
      "<h2>Progress</h2>",
      burnUp,
      history.length === 1
        ? '<p class="muted">One day so far: green, criteria met; grey, criteria in the plan. The lines start with a second day (<code>--history</code> gives the days before).</p>'
        : '<p class="muted">Solid: criteria met. Dashed: criteria in the plan (the scope line).</p>',
    );
  if (report.goals.length > 0) {
    const objectives = new Map(report.objectives.map((o) => [o.id, o]));
    sections.push(
      "<h2>Goals and objectives</h2>",
      `<ul>${report.goals
        .map(
          (g) =>
            `<li><strong>${h(g.title)}</strong><ul>${g.objectives
              .map((id) => objectives.get(id))
              .filter((o) => o !== undefined)
              .map(
                (o) =>
                  `<li class="${o.met === true ? "met" : o.met === false ? "unmet" : "muted"}">${h(o.title)} <span class="muted">— ${h(o.detail)}</span></li>`,
              )
              .join("")}</ul></li>`,
        )
        .join("")}</ul>`,
    );
  }
  if (report.milestones.length > 0)
    sections.push(
      "<h2>Milestones and deliverables</h2>",
      report.milestones.map(milestone).join(""),
    );
  if (report.unscheduled.length > 0)
    sections.push("<h2>Not in a milestone</h2>", report.unscheduled.map(deliverable).join(""));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title><style>${STYLE}</style></head>
<body>
${sections.join("\n")}
</body></html>
`;
}
