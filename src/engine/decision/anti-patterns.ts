import type { Answers } from "./answers.js";
import type { AnswerCondition, AntiRecommendation, Profile } from "./profile.js";

export interface AntiPatternResult {
  id: string;
  severity: "kill" | "warn";
  what: string;
  reason: string;
  /** True when the answers meet every fact in the profile's `when`. */
  tripped: boolean;
  /** True when the profile gives facts that trip it; false for advice that always stands. */
  conditional: boolean;
  /** The facts that tripped it, e.g. "pattern microservices; team of 8 (< 30)". */
  because?: string;
}

type Fact = { known: boolean; holds: boolean; text: string };

function member<T>(value: T | undefined, list: readonly T[], label: string): Fact {
  return {
    known: value !== undefined,
    holds: value !== undefined && list.includes(value),
    text: `${label} ${String(value)}`,
  };
}

function compare(value: number | null | undefined, limit: number, below: boolean, label: string) {
  const known = typeof value === "number";
  return {
    known,
    holds: known && (below ? value < limit : value >= limit),
    text: `${label} ${String(value)} (${below ? "<" : "≥"} ${limit})`,
  };
}

function flag(value: boolean | undefined, want: boolean, label: string): Fact {
  return {
    known: value !== undefined,
    holds: value === want,
    text: `${label}: ${want ? "yes" : "no"}`,
  };
}

/** The facts a condition names, each checked against the answers. */
function facts(a: Answers, w: AnswerCondition): Fact[] {
  const out: Fact[] = [];
  if (w.patterns) out.push(member(a.pattern, w.patterns, "pattern"));
  if (w.tenancies) out.push(member(a.tenancy, w.tenancies, "tenancy"));
  if (w.sensitivities) out.push(member(a.dataSensitivity, w.sensitivities, "data"));
  if (w.interactionStyles)
    out.push(member(a.interactionStyle, w.interactionStyles, "interaction style"));
  if (w.languages) out.push(member(a.languagePreference, w.languages, "language"));
  if (w.teamSizeBelow !== undefined)
    out.push(compare(a.teamSize, w.teamSizeBelow, true, "team of"));
  if (w.teamSizeAtLeast !== undefined)
    out.push(compare(a.teamSize, w.teamSizeAtLeast, false, "team of"));
  if (w.qpsP99Below !== undefined) out.push(compare(a.qpsP99, w.qpsP99Below, true, "p99 QPS"));
  if (w.qpsP99AtLeast !== undefined) out.push(compare(a.qpsP99, w.qpsP99AtLeast, false, "p99 QPS"));
  if (w.readWriteRatioBelow !== undefined)
    out.push(compare(a.readWriteRatio, w.readWriteRatioBelow, true, "read/write"));
  if (w.platformTeam !== undefined) out.push(flag(a.platformTeam, w.platformTeam, "platform team"));
  if (w.needsAdminPanel !== undefined)
    out.push(flag(a.needsAdminPanel, w.needsAdminPanel, "admin panel needed"));
  return out;
}

function evaluate(answers: Answers, anti: AntiRecommendation): AntiPatternResult {
  const { when, ...rest } = anti;
  if (!when) return { ...rest, tripped: false, conditional: false };
  const list = facts(answers, when);
  const tripped = list.length > 0 && list.every((f) => f.known && f.holds);
  return tripped
    ? { ...rest, tripped, conditional: true, because: list.map((f) => f.text).join("; ") }
    : { ...rest, tripped, conditional: true };
}

const rank = (r: AntiPatternResult) => (r.tripped ? 0 : 2) + (r.severity === "kill" ? 0 : 1);

/** The profile's anti-recommendations for these answers: tripped first, kills before warnings. */
export function evaluateAntiPatterns(answers: Answers, profile: Profile): AntiPatternResult[] {
  return profile.antiRecommendations
    .map((anti, index) => ({ result: evaluate(answers, anti), index }))
    .sort((x, y) => rank(x.result) - rank(y.result) || x.index - y.index)
    .map((x) => x.result);
}
