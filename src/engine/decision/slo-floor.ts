import type { Answers } from "./answers.js";
import type { Profile } from "./profile.js";

export type FloorField = "p50" | "p95" | "p99" | "uptimePercent" | "rpoMinutes" | "rtoMinutes";

/**
 * The least the service must meet: the profile's success thresholds, tightened by the answers
 * wherever the answers are stricter. Incomplete when latency, uptime or RPO/RTO is unknown.
 */
export interface SloFloor {
  latencyMs: { p50?: number; p95?: number; p99?: number };
  uptimePercent?: number;
  rpoMinutes?: number;
  rtoMinutes?: number;
  /** Where each value came from: the profile, or your answers when they were stricter. */
  sources: Partial<Record<FloorField, "profile" | "answers">>;
  /** Per-surface recovery targets from the answers, when some surfaces differ. */
  recoveryPerSurface?: Record<string, { rpoMinutes: number; rtoMinutes: number }>;
  /** The measurable SLI in words, when the answers gave one. */
  sli?: string;
  errorBudgetOwner?: string;
  complete: boolean;
  /** Fields with no value from either side. */
  missing: FloorField[];
}

type Pick = { value?: number; source?: "profile" | "answers" };

/** Stricter of the two: lower is stricter for latency/RPO/RTO, higher for uptime. */
function stricter(
  profile: number | undefined,
  answer: number | null | undefined,
  lower: boolean,
): Pick {
  const a = typeof answer === "number" ? answer : undefined;
  if (profile === undefined) return a === undefined ? {} : { value: a, source: "answers" };
  if (a === undefined) return { value: profile, source: "profile" };
  const answersWin = lower ? a < profile : a > profile;
  return answersWin ? { value: a, source: "answers" } : { value: profile, source: "profile" };
}

export function sloFloor(answers: Answers, profile: Profile): SloFloor {
  const t = profile.successThresholds;
  const picks: Record<FloorField, Pick> = {
    p99: stricter(t.latencyMs?.p99, answers.sloLatencyMs, true),
    p95: {},
    p50: {},
    uptimePercent: stricter(t.uptimePercent, answers.sloTarget, false),
    rpoMinutes: stricter(t.rpoMinutes, answers.rpoMinutes, true),
    rtoMinutes: stricter(t.rtoMinutes, answers.rtoMinutes, true),
  };
  // Lower percentiles never exceed the higher ones.
  const cap = (value: number | undefined, limit: number | undefined): number | undefined =>
    value === undefined ? undefined : limit === undefined ? value : Math.min(value, limit);
  const p95 = cap(t.latencyMs?.p95, picks.p99.value);
  if (p95 !== undefined) picks.p95 = { value: p95, source: "profile" };
  const p50 = cap(t.latencyMs?.p50, p95);
  if (p50 !== undefined) picks.p50 = { value: p50, source: "profile" };

  const sources: SloFloor["sources"] = {};
  const missing: FloorField[] = [];
  for (const field of Object.keys(picks) as FloorField[]) {
    const source = picks[field].source;
    if (source) sources[field] = source;
    else missing.push(field);
  }
  const order: FloorField[] = ["p50", "p95", "p99", "uptimePercent", "rpoMinutes", "rtoMinutes"];
  missing.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    latencyMs: { p50: picks.p50.value, p95: picks.p95.value, p99: picks.p99.value },
    uptimePercent: picks.uptimePercent.value,
    rpoMinutes: picks.rpoMinutes.value,
    rtoMinutes: picks.rtoMinutes.value,
    sources,
    recoveryPerSurface: answers.recoveryPerSurface,
    sli: answers.sloSli,
    errorBudgetOwner: answers.errorBudgetOwner?.trim() || undefined,
    complete: missing.length === 0,
    missing,
  };
}
