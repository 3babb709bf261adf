import type { Answers } from "./answers.js";
import type { Profile } from "./profile.js";
import type { ProfileScore } from "./scoring.js";
import type { SloFloor } from "./slo-floor.js";

/** Something the numbers say that the team should see before building; not a kill. */
export interface DecisionWarning {
  id: string;
  message: string;
  /** The numbers behind the message, by name, so a reader can check the arithmetic. */
  numbers: Record<string, number>;
}

/** Minutes in the 30-day month error budgets are counted over. */
export const MINUTES_PER_MONTH = 30 * 24 * 60;

/** The monthly error budget of an availability SLO, in minutes: 99.99 % → 4.32. */
export const errorBudgetMinutes = (availabilityPercent: number): number =>
  ((100 - availabilityPercent) / 100) * MINUTES_PER_MONTH;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * One restore that takes the whole RTO spends the error budget `rto / budget` times.
 * The team's stated numbers come first; the floor fills in what they did not state.
 */
export function errorBudgetWarning(
  answers: Answers,
  floor?: SloFloor,
): DecisionWarning | undefined {
  const uptime = typeof answers.sloTarget === "number" ? answers.sloTarget : floor?.uptimePercent;
  const rto = typeof answers.rtoMinutes === "number" ? answers.rtoMinutes : floor?.rtoMinutes;
  if (uptime === undefined || rto === undefined || uptime >= 100) return undefined;
  const budget = errorBudgetMinutes(uptime);
  if (rto <= budget) return undefined;
  const times = rto / budget;
  const from = (stated: boolean) => (stated ? "your" : "the profile's suggested");
  return {
    id: "rto-exceeds-error-budget",
    message: `${from(typeof answers.rtoMinutes === "number")} RTO of ${rto} min exceeds the monthly error budget of ${from(typeof answers.sloTarget === "number")} ${uptime} % availability SLO (${round(budget, 2)} min a month): one restore burns the budget ${round(times)} times over. Lower the RTO (standby replica, tested failover) or the SLO.`,
    numbers: {
      availabilityPercent: uptime,
      errorBudgetMinutesPerMonth: round(budget, 2),
      rtoMinutes: rto,
      budgetsPerRestore: round(times),
    },
  };
}

type Looser = {
  id: string;
  label: string;
  unit: string;
  stated?: number;
  floor?: number;
  lowerIsStricter: boolean;
};

/**
 * A stated SLO looser than the profile's floor: the floor stands (the stack is sized for it),
 * so the team should know its own number is not the bar.
 */
export function looserThanFloorWarnings(answers: Answers, profile: Profile): DecisionWarning[] {
  const t = profile.successThresholds;
  const num = (v: number | null | undefined) => (typeof v === "number" ? v : undefined);
  const rows: Looser[] = [
    {
      id: "latency-slo-looser-than-floor",
      label: "p99 latency SLO",
      unit: " ms",
      stated: answers.sloLatencyMs,
      floor: t.latencyMs?.p99,
      lowerIsStricter: true,
    },
    {
      id: "availability-slo-looser-than-floor",
      label: "availability SLO",
      unit: " %",
      stated: num(answers.sloTarget),
      floor: t.uptimePercent,
      lowerIsStricter: false,
    },
    {
      id: "rpo-looser-than-floor",
      label: "RPO",
      unit: " min",
      stated: num(answers.rpoMinutes),
      floor: t.rpoMinutes,
      lowerIsStricter: true,
    },
    {
      id: "rto-looser-than-floor",
      label: "RTO",
      unit: " min",
      stated: num(answers.rtoMinutes),
      floor: t.rtoMinutes,
      lowerIsStricter: true,
    },
  ];
  const out: DecisionWarning[] = [];
  for (const r of rows) {
    if (r.stated === undefined || r.floor === undefined) continue;
    const looser = r.lowerIsStricter ? r.stated > r.floor : r.stated < r.floor;
    if (!looser) continue;
    out.push({
      id: r.id,
      message: `your ${r.label} of ${r.stated}${r.unit} is looser than ${profile.name}'s floor of ${r.floor}${r.unit}: the floor stands, because the stack is sized and monitored for it; a looser target does not make the profile fit better.`,
      numbers: { stated: r.stated, floor: r.floor },
    });
  }
  return out;
}

/**
 * A recommended profile that still violates soft constraints is the best available, not a good fit;
 * one that requires something the answers did not confirm needs that answer before anyone builds.
 */
export function fitWarnings(profile: Profile, score: ProfileScore): DecisionWarning[] {
  const out: DecisionWarning[] = [];
  const soft = score.violated.filter((c) => c.strength === "soft");
  if (soft.length > 0) {
    out.push({
      id: "best-violates-soft-constraints",
      message: `${profile.name} breaks no hard constraint but misses ${soft.length} soft one${soft.length === 1 ? "" : "s"} (${soft.map((c) => c.detail).join("; ")}): it is the best available, not a clean fit. Check each before adopting it.`,
      numbers: { softViolations: soft.length, fitScore: score.fitScore },
    });
  }
  const unconfirmed = score.unconfirmed.map((d) =>
    d === "platformTeam"
      ? "a platform team (--platform-team yes|no)"
      : "an admin-panel need (--needs-admin-panel yes|no)",
  );
  if (unconfirmed.length > 0) {
    out.push({
      id: "unconfirmed-requirement",
      message: `${profile.name} assumes ${unconfirmed.join(" and ")}, which your answers do not confirm: answer it before building on this profile.`,
      numbers: { unconfirmed: unconfirmed.length },
    });
  }
  return out;
}
