import type {
  ConstraintCheck,
  Decision,
  LoadedProfiles,
  ProfileError,
  ProfileReport,
  SloFloor,
} from "../engine/decision/index.js";
import { formatRange, RUNNER_UP_WITHIN } from "../engine/decision/index.js";

/** Markdown views of the decision engine's results (`decide`, `decide --list-profiles`). */

const pct = (n: number) => `${n.toFixed(1)}`;
const cell = (s: string) => s.replace(/\|/g, "\\|");
const or = (v: number | undefined, unit: string) => (v === undefined ? "—" : `${v}${unit}`);

function checks(title: string, list: ConstraintCheck[]): string[] {
  if (list.length === 0) return [];
  return [
    `${title}:`,
    ...list.map((c) => `- ${c.detail} (${c.dimension}, weight ${c.weight})`),
    "",
  ];
}

function floorTable(floor: SloFloor): string[] {
  const src = (f: keyof SloFloor["sources"]) => (floor.sources[f] === "answers" ? "*" : "");
  const lines = [
    "| p50 | p95 | p99 | uptime | RPO | RTO |",
    "| --- | --- | --- | --- | --- | --- |",
    `| ${or(floor.latencyMs.p50, " ms")}${src("p50")} | ${or(floor.latencyMs.p95, " ms")}${src("p95")} | ${or(floor.latencyMs.p99, " ms")}${src("p99")} | ${or(floor.uptimePercent, "%")}${src("uptimePercent")} | ${or(floor.rpoMinutes, " min")}${src("rpoMinutes")} | ${or(floor.rtoMinutes, " min")}${src("rtoMinutes")} |`,
    "",
  ];
  if (Object.values(floor.sources).includes("answers"))
    lines.push("\\* from your answers, stricter than the profile.", "");
  if (!floor.complete)
    lines.push(
      `**Incomplete:** no value for ${floor.missing.join(", ")}. Settle it before building.`,
      "",
    );
  if (floor.sli) lines.push(`SLI: ${floor.sli}`, "");
  lines.push(
    floor.errorBudgetOwner
      ? `Error-budget owner: ${floor.errorBudgetOwner}`
      : "Error-budget owner: **not named**",
    "",
  );
  for (const [surface, r] of Object.entries(floor.recoveryPerSurface ?? {}))
    lines.push(`- ${surface}: RPO ${r.rpoMinutes} min, RTO ${r.rtoMinutes} min`);
  return lines;
}

function profileSections(r: ProfileReport): string[] {
  const t = r.otherThresholds;
  const other = [
    t.minCoveragePercent !== undefined ? `test coverage ≥ ${t.minCoveragePercent}%` : undefined,
    t.maxOpenScanSeverity ? `open security-scan findings ≤ ${t.maxOpenScanSeverity}` : undefined,
    t.minThroughputRps !== undefined ? `throughput ≥ ${t.minThroughputRps} req/s` : undefined,
  ].filter(Boolean);
  return [
    "## Stack",
    "",
    "| layer | pick | why |",
    "| --- | --- | --- |",
    ...r.stack.map((s) => `| ${cell(s.layer)} | ${cell(s.pick)} | ${cell(s.why ?? "")} |`),
    "",
    "## Anti-patterns",
    "",
    ...r.antiPatterns.map((a) => {
      const mark = a.severity === "kill" ? "✖ kill" : "! warn";
      const state = a.tripped
        ? `**tripped** by ${a.because}`
        : a.conditional
          ? "not tripped by your answers"
          : "always";
      return `- ${mark} (${state}): ${a.what}. ${a.reason}`;
    }),
    "",
    "## Approvers",
    "",
    r.approvers.statement,
    "",
    ...r.approvers.approvals.map((a) => {
      const people = a.chain.map((p) => (p.name ? `${p.title} (${p.name})` : p.title)).join(", ");
      const names =
        a.unnamed.length === a.chain.length
          ? " (no names yet)"
          : a.unnamed.length > 0
            ? ` — name needed for: ${a.unnamed.join(", ")}`
            : "";
      return `- **${a.title}**: ${people}${names}`;
    }),
    "",
    `## SLO floor${r.complete ? "" : " (incomplete)"}`,
    "",
    ...floorTable(r.sloFloor),
    ...(other.length > 0 ? [`Other thresholds: ${other.join("; ")}.`] : []),
    "",
    "## Next concerns",
    "",
    ...r.nextConcerns.map((c, i) => `${i + 1}. **${c.title}** — ${c.why} Covered by: ${c.covers}.`),
    "",
    "## Canon",
    "",
    ...r.canon.map(
      (c) => `- ${c.question ? `Q${c.question}: ` : ""}${c.cite}${c.topic ? ` (${c.topic})` : ""}`,
    ),
  ];
}

export function profileErrorLine(e: ProfileError): string {
  return `${e.file}${e.pointer ? ` at ${e.pointer}` : ""}: ${e.message}`;
}

export function decisionMarkdown(d: Decision): string {
  const best = d.best;
  const next = d.ranking[1];
  const lines = [
    `# Decision: ${best.score.profile} (fit ${pct(best.score.fitScore)}/100)${d.complete ? "" : " — incomplete"}`,
    "",
    `> ${best.approvers.statement}`,
    "",
    `## Kill criteria${d.kills.length > 0 ? ` tripped (${d.kills.length})` : ""}`,
    "",
    ...(d.kills.length === 0
      ? ["None tripped."]
      : d.kills.flatMap((k) => [
          `- ✖ **${k.title}** (question ${k.question}, \`${k.id}\`): ${k.reason}`,
          `  Remedy: ${k.remedy}`,
        ])),
    "",
    `## Best fit: ${best.score.profile} — ${best.score.title}`,
    "",
    `Fit ${pct(best.score.fitScore)}/100 (${best.score.points} of ${best.score.maxPoints} points). ${best.whenToPick}`,
    "",
    ...checks("Matched", best.score.matched),
    ...checks("Violated", best.score.violated),
    ...checks("Not constrained by the profile", best.score.neutral),
    "## Runner-up",
    "",
    d.runnerUp
      ? `${d.runnerUp.score.profile} — ${d.runnerUp.score.title}: fit ${pct(d.runnerUp.score.fitScore)}, within ${RUNNER_UP_WITHIN * 100}% of the best. Violated: ${d.runnerUp.score.violated.map((c) => c.detail).join("; ") || "nothing"}.`
      : next
        ? `None within ${RUNNER_UP_WITHIN * 100}% of the best (next: ${next.profile} at ${pct(next.fitScore)}).`
        : "None: only one profile was ranked.",
    "",
    "## Ranking",
    "",
    "| # | profile | fit | matched | violated |",
    "| --- | --- | --- | --- | --- |",
    ...d.ranking.map(
      (s, i) =>
        `| ${i + 1} | ${s.profile} | ${pct(s.fitScore)} | ${s.matched.length} | ${s.violated.length} |`,
    ),
    "",
    `Order: ${d.tieBreak.rule.join(", then ")}.${d.tieBreak.decidedBy ? ` First place was decided by: ${d.tieBreak.decidedBy}.` : ""}`,
    "",
    ...profileSections(best),
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
