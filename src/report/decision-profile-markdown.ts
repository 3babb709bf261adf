import {
  DIMENSION_QUESTIONS,
  type ProfileReport,
  type ProfileScore,
  type SloFloor,
} from "../engine/decision/index.js";

/** Markdown for one profile: the per-dimension score table and the sections of a recommended profile. */

export const cell = (s: string) => s.replace(/\|/g, "\\|");
const or = (v: number | undefined, unit: string) => (v === undefined ? "—" : `${v}${unit}`);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/** Every input against the profile: answer, constraint, hard/soft, weight, result, points. */
export function scoreTable(s: ProfileScore): string[] {
  const rows = s.checks.map((c) => {
    const pts = c.status === "matched" ? c.weight : c.status === "violated" ? -c.weight : 0;
    const result =
      c.status === "violated" && c.strength === "hard"
        ? "**violated (rules it out)**"
        : c.status === "neutral"
          ? "not constrained"
          : c.status;
    return `| ${DIMENSION_QUESTIONS[c.dimension].label} | ${cell(c.answer)} | ${cell(c.constraint)} | ${c.constraint === "—" ? "—" : c.strength} | ${c.weight} | ${result} | ${signed(pts)} |`;
  });
  const lines = [
    "| input | your answer | profile constraint | hard/soft | weight | result | points |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    `| **total** | | | | ${s.maxPoints} | | **${signed(s.points)}** |`,
    "",
    `Fit ${s.fitScore.toFixed(1)}/100 = 50 + 50 × ${s.points} ÷ ${s.maxPoints}.`,
  ];
  for (const k of s.trippedKills)
    lines.push(
      "",
      `Ruled out by its own kill anti-pattern: ${k.what} (tripped by ${k.because}). ${k.reason}`,
    );
  return lines;
}

function floorTable(floor: SloFloor): string[] {
  const mark = (f: keyof SloFloor["sources"]) =>
    floor.sources[f] === "answers" ? "" : floor.sources[f] === "profile" ? "†" : "";
  const lines = [
    "| p50 | p95 | p99 | uptime | RPO | RTO |",
    "| --- | --- | --- | --- | --- | --- |",
    `| ${or(floor.latencyMs.p50, " ms")}${mark("p50")} | ${or(floor.latencyMs.p95, " ms")}${mark("p95")} | ${or(floor.latencyMs.p99, " ms")}${mark("p99")} | ${or(floor.uptimePercent, "%")}${mark("uptimePercent")} | ${or(floor.rpoMinutes, " min")}${mark("rpoMinutes")} | ${or(floor.rtoMinutes, " min")}${mark("rtoMinutes")} |`,
    "",
  ];
  if (Object.values(floor.sources).includes("profile"))
    lines.push(
      "† suggested default from the profile (you stated none, or a looser one); unmarked values are yours.",
      "",
    );
  if (!floor.complete) lines.push(`No value at all for ${floor.missing.join(", ")}.`, "");
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

/** Stack, anti-patterns, approvers, SLO floor, next concerns and canon of the recommended profile. */
export function profileSections(r: ProfileReport, unstated: string[]): string[] {
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
    ...(r.complete
      ? []
      : [
          `Incomplete: you have not stated ${unstated.join(", ")}. Until you do, the profile's values stand in as suggested defaults (marked †); agree real numbers with the business owner.`,
          "",
        ]),
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
