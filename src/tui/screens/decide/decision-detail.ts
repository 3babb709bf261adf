import type {
  Decision,
  Dimension,
  ProfileReport,
  SloFloor,
} from "../../../engine/decision/index.js";
import { type PaneLine, wrapText } from "../../kit/scroll-lines.js";
import { glyph, type Tone } from "../../kit/theme.js";

/** A heading in the detail pane, for jumping between sections. */
export interface DetailSection {
  id: string;
  title: string;
  /** Index of its heading line. */
  start: number;
}

export interface DetailModel {
  lines: PaneLine[];
  sections: DetailSection[];
}

/** Short input names for the per-dimension rows. */
const SHORT: Record<Dimension, string> = {
  languagePreference: "language",
  pattern: "pattern",
  dataSensitivity: "data",
  tenancy: "tenancy",
  teamSize: "team",
  qpsP99: "p99 QPS",
  platformTeam: "platform team",
  needsAdminPanel: "admin panel",
  readWriteRatio: "reads/write",
  interactionStyle: "style",
};

const ms = (v: number | undefined) => (v === undefined ? "—" : `${v} ms`);
const min = (v: number | undefined) => (v === undefined ? "—" : `${v} min`);

function floorLines(f: SloFloor): Array<[string, Tone?]> {
  const mark = (field: keyof SloFloor["sources"]) => (f.sources[field] === "profile" ? "†" : "");
  const out: Array<[string, Tone?]> = [
    [
      `p50 ${ms(f.latencyMs.p50)}${mark("p50")} · p95 ${ms(f.latencyMs.p95)}${mark("p95")} · p99 ${ms(f.latencyMs.p99)}${mark("p99")}`,
    ],
    [
      `uptime ${f.uptimePercent === undefined ? "—" : `${f.uptimePercent}%`}${mark("uptimePercent")} · RPO ${min(f.rpoMinutes)}${mark("rpoMinutes")} · RTO ${min(f.rtoMinutes)}${mark("rtoMinutes")}`,
    ],
  ];
  if (Object.values(f.sources).includes("profile"))
    out.push(["† suggested default from the profile; unmarked values are yours", "muted"]);
  if (!f.complete)
    out.push([`${glyph.warn} incomplete: no value for ${f.missing.join(", ")}`, "warn"]);
  out.push(
    f.errorBudgetOwner
      ? [`error-budget owner: ${f.errorBudgetOwner}`]
      : [`${glyph.warn} error-budget owner not named`, "warn"],
  );
  for (const [surface, r] of Object.entries(f.recoveryPerSurface ?? {}))
    out.push([`${surface}: RPO ${r.rpoMinutes} min, RTO ${r.rtoMinutes} min`, "muted"]);
  return out;
}

/** The detail pane for one profile: kills first, then fit, stack, anti-patterns, approvers, SLO floor, next concerns. */
export function decisionDetail(
  decision: Decision,
  report: ProfileReport,
  width: number,
): DetailModel {
  const lines: PaneLine[] = [];
  const sections: DetailSection[] = [];
  const w = Math.max(10, width);
  /** `lead` indents every line; wrapped lines hang two more spaces in. */
  const add = (text: string, tone?: Tone, lead = "", bold = false) => {
    for (const t of wrapText(text, w - lead.length, "  "))
      lines.push({ text: lead + t, tone, bold });
  };
  const heading = (id: string, title: string) => {
    if (lines.length > 0) lines.push({ text: "" });
    sections.push({ id, title, start: lines.length });
    lines.push({ text: title, tone: "accent", bold: true });
  };

  heading("status", `Status: ${decision.status}`);
  add(decision.summary, decision.status === "recommended" ? "ok" : "warn");
  if (!decision.complete)
    add(
      `${glyph.warn} incomplete: no ${decision.unstated.map((u) => u.label).join(", ")} stated; the profile's values are suggested defaults`,
      "warn",
    );
  if (decision.separatingQuestion) {
    add(`question: ${decision.separatingQuestion.text}`, undefined, "  ");
    if (decision.separatingQuestion.flag)
      add(`answer with ${decision.separatingQuestion.flag}`, "muted", "  ");
  }
  for (const c of decision.closest) {
    add(`closest: ${c.profile} (fit ${c.fitScore.toFixed(1)})`, undefined, "  ", true);
    for (const ch of c.changes) add(`${glyph.bullet} ${ch.change}`, "muted", "    ");
  }
  if (decision.customProfile) {
    add("custom profile:", undefined, "  ", true);
    for (const [i, step] of decision.customProfile.steps.entries())
      add(`${i + 1}. ${step}`, "muted", "    ");
  }

  heading(
    "kills",
    decision.kills.length > 0
      ? `Kill criteria tripped (${decision.kills.length})`
      : "Kill criteria",
  );
  if (decision.kills.length === 0) add(`${glyph.ok} none tripped`, "ok");
  for (const k of decision.kills) {
    add(`${glyph.kill} ${k.title} (Q${k.question})`, "bad");
    add(k.reason, undefined, "  ");
    add(`remedy: ${k.remedy}`, "muted", "  ");
  }

  const isBest = report.score.profile === decision.best?.score.profile;
  const shared = isBest || !decision.best ? decision.warnings : [];
  const warnings = [...shared, ...report.warnings].filter(
    (w, i, all) => all.findIndex((x) => x.id === w.id) === i,
  );
  if (warnings.length > 0) {
    heading("warnings", `Warnings (${warnings.length})`);
    for (const w of warnings) add(`${glyph.warn} ${w.message}`, "warn");
  }

  const s = report.score;
  const rank = decision.ranking.findIndex((r) => r.profile === s.profile) + 1;
  const role =
    s.profile === decision.best?.score.profile
      ? "best fit"
      : s.profile === decision.runnerUp?.score.profile
        ? "runner-up"
        : decision.tied.includes(s.profile)
          ? "tied"
          : `${rank}/${decision.ranking.length}${s.eligible ? "" : ", ruled out"}`;
  heading("fit", `Fit: ${s.profile} (${role})`);
  add(`${s.fitScore.toFixed(1)}/100 = 50 + 50 × ${s.points} points ÷ ${s.maxPoints} max points`);
  add(
    "each input: +weight matched, −weight violated, 0 not constrained; 100 = all matched, 50 = even, 0 = all violated; a violated hard constraint rules the profile out (? for more)",
    "muted",
  );
  add("points/weight · hard|soft · input: your answer vs the profile's constraint", "muted");
  for (const c of s.checks) {
    const pts =
      c.status === "matched" ? `+${c.weight}` : c.status === "violated" ? `−${c.weight}` : "0";
    const mark =
      c.status === "matched" ? glyph.ok : c.status === "violated" ? glyph.kill : glyph.bullet;
    const kind = c.constraint === "—" ? "none" : c.strength;
    const rulesOut = c.status === "violated" && c.strength === "hard" ? " (rules it out)" : "";
    add(
      `${mark} ${`${pts}/${c.weight}`.padEnd(5)} ${kind.padEnd(4)} ${SHORT[c.dimension]}: ${c.answer} vs ${c.constraint}${rulesOut}`,
      c.status === "violated" ? "bad" : c.status === "matched" ? "ok" : "muted",
    );
  }
  for (const k of s.trippedKills)
    add(`${glyph.kill} its own kill anti-pattern: ${k.what} (by ${k.because})`, "bad");
  add(report.whenToPick, "muted");

  heading("stack", "Stack");
  for (const p of report.stack) add(`${p.layer}: ${p.pick}`);

  heading("anti-patterns", "Anti-patterns");
  for (const a of report.antiPatterns) {
    const mark = a.severity === "kill" ? glyph.kill : glyph.warn;
    const state = a.tripped ? " — TRIPPED" : "";
    add(
      `${mark} ${a.severity}${state}: ${a.what}`,
      a.tripped ? "bad" : a.severity === "kill" ? "warn" : undefined,
    );
    if (a.because) add(`by ${a.because}`, "bad", "  ");
    add(a.reason, "muted", "  ");
  }

  heading("approvers", "Approvers (nothing is auto-approved)");
  for (const a of report.approvers.approvals) {
    const people = a.chain.map((p) => (p.name ? `${p.title} (${p.name})` : p.title)).join(", ");
    add(`${a.title}: ${people}`);
  }

  heading("slo", report.complete ? "SLO floor" : "SLO floor (incomplete; † = suggested default)");
  for (const [text, tone] of floorLines(report.sloFloor)) add(text, tone);
  const t = report.otherThresholds;
  if (t.minCoveragePercent !== undefined) add(`test coverage ≥ ${t.minCoveragePercent}%`, "muted");
  if (t.maxOpenScanSeverity) add(`open scan findings ≤ ${t.maxOpenScanSeverity}`, "muted");
  if (t.minThroughputRps !== undefined) add(`throughput ≥ ${t.minThroughputRps} req/s`, "muted");

  heading("next", "Next concerns");
  report.nextConcerns.forEach((c, i) => {
    add(`${i + 1}. ${c.title}`, undefined, "", true);
    add(c.covers, "muted", "   ");
  });

  if (decision.profileErrors.length > 0) {
    heading("skipped", "Profiles skipped");
    for (const e of decision.profileErrors)
      add(`${glyph.warn} ${e.file}${e.pointer ? ` ${e.pointer}` : ""}: ${e.message}`, "warn");
  }
  return { lines, sections };
}
