import type {
  Decision,
  DecisionWarning,
  LoadedProfiles,
  ProfileError,
  ProfileScore,
} from "../engine/decision/index.js";
import { formatRange, RUNNER_UP_WITHIN } from "../engine/decision/index.js";
import { cell, profileSections, scoreTable } from "./decision-profile-markdown.js";

/** Markdown views of the decision engine's results (`decide`, `decide --list-profiles`). */

const fitText = (n: number) => n.toFixed(1);

export function profileErrorLine(e: ProfileError): string {
  return `${e.file}${e.pointer ? ` at ${e.pointer}` : ""}: ${e.message}`;
}

function warningLines(list: DecisionWarning[]): string[] {
  if (list.length === 0) return [];
  return [
    `## Warnings (${list.length})`,
    "",
    ...list.map((w) => `- ! ${w.message} (\`${w.id}\`)`),
    "",
  ];
}

function killLines(d: Decision): string[] {
  return [
    `## Kill criteria${d.kills.length > 0 ? ` tripped (${d.kills.length})` : ""}`,
    "",
    ...(d.kills.length === 0
      ? ["None tripped."]
      : d.kills.flatMap((k) => [
          `- ✖ **${k.title}** (question ${k.question}, \`${k.id}\`): ${k.reason}`,
          `  Remedy: ${k.remedy}`,
        ])),
    "",
  ];
}

function rankingLines(d: Decision, title = "## Ranking"): string[] {
  const why = (s: ProfileScore) =>
    s.eligible
      ? "fits"
      : `ruled out: ${[
          ...s.hardViolations.map((c) => c.detail),
          ...s.trippedKills.map((k) => `kill anti-pattern ${k.id}`),
        ].join("; ")}`;
  return [
    title,
    "",
    "| # | profile | fit | matched | violated | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
    ...d.ranking.map(
      (s, i) =>
        `| ${i + 1} | ${s.profile} | ${fitText(s.fitScore)} | ${s.matched.length} | ${s.violated.length} | ${cell(why(s))} |`,
    ),
    "",
    `Order: ${d.tieBreak.rule.join(", then ")}; profiles still equal are a tie (never decided by name).${d.tieBreak.decidedBy ? ` First place was decided by: ${d.tieBreak.decidedBy}.` : ""}`,
    "",
  ];
}

const meaning = (d: Decision) => [`How to read the fit: ${d.fitScoreMeaning}`, ""];

function recommended(d: Decision): string[] {
  const best = d.best!;
  const s = best.score;
  const next = d.ranking[1];
  return [
    `## Best fit: ${s.profile} — ${s.title}`,
    "",
    `Fit ${fitText(s.fitScore)}/100 (${s.points} of ${s.maxPoints} points). ${best.whenToPick}`,
    "",
    ...meaning(d),
    ...scoreTable(s),
    "",
    "## Runner-up",
    "",
    d.runnerUp
      ? `${d.runnerUp.score.profile} — ${d.runnerUp.score.title}: fit ${fitText(d.runnerUp.score.fitScore)}, within ${RUNNER_UP_WITHIN * 100}% of the best. Violated: ${d.runnerUp.score.violated.map((c) => c.detail).join("; ") || "nothing"}.`
      : next
        ? `None that fits within ${RUNNER_UP_WITHIN * 100}% of the best (next: ${next.profile} at ${fitText(next.fitScore)}${next.eligible ? "" : ", ruled out"}).`
        : "None: only one profile was ranked.",
    "",
    ...rankingLines(d),
    ...profileSections(
      best,
      d.unstated.map((u) => `${u.label} (${u.flag})`),
    ),
  ];
}

function noFit(d: Decision): string[] {
  const lines = ["## Closest profiles", ""];
  for (const c of d.closest) {
    lines.push(
      `### ${c.profile} — ${c.title} (fit ${fitText(c.fitScore)})`,
      "",
      "What would have to change:",
    );
    for (const ch of c.changes) lines.push(`- ${ch.change}`);
    if (c.softViolations.length > 0)
      lines.push("", `Also misses (soft): ${c.softViolations.join("; ")}.`);
    lines.push("");
  }
  const first = d.ranking[0];
  if (first) lines.push(`Score of ${first.profile}:`, "", ...scoreTable(first), "", ...meaning(d));
  const guide = d.customProfile;
  if (guide) {
    lines.push("## Write a custom profile", "", ...guide.steps.map((s, i) => `${i + 1}. ${s}`), "");
  }
  return [...lines, ...rankingLines(d)];
}

function tie(d: Decision): string[] {
  const q = d.separatingQuestion;
  const lines = [
    `## Tied: ${d.tied.join(", ")}`,
    "",
    "They are equal on every scoring rule, so the tool does not pick one (and never by name).",
    "",
  ];
  if (q) {
    lines.push("## The question that separates them", "", q.text, "");
    if (q.flag) lines.push(`Answer it with \`${q.flag}\` and run decide again.`, "");
  }
  for (const name of d.tied) {
    const s = d.ranking.find((r) => r.profile === name);
    if (s) lines.push(`### ${s.profile} — ${s.title}`, "", ...scoreTable(s), "");
  }
  return [...lines, ...meaning(d), ...rankingLines(d)];
}

function blocked(d: Decision): string[] {
  return [
    "No profile is recommended while a kill criterion stands: resolve each one above (its remedy says how), then run decide again.",
    "",
    ...rankingLines(d, "## Ranking as the answers stand (not a recommendation while blocked)"),
  ];
}

export function decisionMarkdown(d: Decision): string {
  const body =
    d.status === "recommended"
      ? recommended(d)
      : d.status === "no-fit"
        ? noFit(d)
        : d.status === "tie"
          ? tie(d)
          : blocked(d);
  const lines = [
    `# Decision: ${d.status} — ${d.summary}`,
    "",
    `> Nothing here is approved by this tool: every change needs the sign-off of the people the profile names.${d.complete ? "" : ` Incomplete: no ${d.unstated.map((u) => u.label).join(", ")} stated (${d.unstated.map((u) => u.flag).join(", ")}).`}`,
    "",
    ...killLines(d),
    ...warningLines(d.warnings),
    ...body,
  ];
  if (d.profileErrors.length > 0) {
    lines.push(
      "",
      "## Profiles skipped",
      "",
      ...d.profileErrors.map((e) => `- ${profileErrorLine(e)}`),
    );
  }
  return `${lines.join("\n")}\n`;
}

export function profileListMarkdown(loaded: LoadedProfiles): string {
  const lines = [
    `# Profiles in ${loaded.dir}`,
    "",
    "| profile | team | patterns | languages | max data | p50/p95/p99 ms | when to pick |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...loaded.profiles.map((p) => {
      const c = p.constraints;
      const l = p.successThresholds.latencyMs;
      return `| ${p.name} | ${c.teamSize ? formatRange(c.teamSize) : "any"} | ${c.patterns?.join(", ") ?? "any"} | ${c.languages?.join(", ") ?? "any"} | ${c.maxSensitivity ?? "any"} | ${l ? `${l.p50}/${l.p95}/${l.p99}` : "—"} | ${cell(p.whenToPick)} |`;
    }),
  ];
  if (loaded.errors.length > 0)
    lines.push("", "Skipped (invalid):", ...loaded.errors.map((e) => `- ${profileErrorLine(e)}`));
  return `${lines.join("\n")}\n`;
}
