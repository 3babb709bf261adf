import { type Answers, SENSITIVITY_RANK } from "./answers.js";
import type { NumericRange, Profile, ProfileConstraints, SuccessThresholds } from "./profile.js";

export type ConstraintStatus = "matched" | "violated" | "neutral";

/** One input compared with one profile constraint. */
export interface ConstraintCheck {
  dimension: Dimension;
  /** The answer field the check reads. */
  input: keyof Answers;
  weight: number;
  status: ConstraintStatus;
  /** Plain-language reason, e.g. "team of 8 within 1–15". */
  detail: string;
}

export interface ProfileScore {
  profile: string;
  title: string;
  /** Σ +weight (matched), −weight (violated), 0 (neutral). */
  points: number;
  /** Σ weight of the dimensions whose input was given (the same for every profile). */
  maxPoints: number;
  /** 0–100: 50 + 50 × points / maxPoints, one decimal. 100 = every constraint matched. */
  fitScore: number;
  matched: ConstraintCheck[];
  violated: ConstraintCheck[];
  neutral: ConstraintCheck[];
}

export type Dimension =
  | "teamSize"
  | "pattern"
  | "dataSensitivity"
  | "languagePreference"
  | "tenancy"
  | "qpsP99"
  | "platformTeam"
  | "needsAdminPanel"
  | "readWriteRatio"
  | "interactionStyle"
  | "rpoMinutes"
  | "rtoMinutes"
  | "sloTarget"
  | "sloLatencyMs";

/** How much each input weighs; a matched constraint adds its weight, a violated one subtracts it. */
export const WEIGHTS: Record<Dimension, number> = {
  teamSize: 3,
  pattern: 3,
  dataSensitivity: 3,
  languagePreference: 3,
  tenancy: 2,
  qpsP99: 2,
  platformTeam: 2,
  needsAdminPanel: 2,
  readWriteRatio: 1,
  interactionStyle: 1,
  rpoMinutes: 1,
  rtoMinutes: 1,
  sloTarget: 1,
  sloLatencyMs: 1,
};

type Verdict = { status: ConstraintStatus; detail: string };
const neutral = (detail: string): Verdict => ({ status: "neutral", detail });
const verdict = (ok: boolean, yes: string, no: string): Verdict =>
  ok ? { status: "matched", detail: yes } : { status: "violated", detail: no };

export function formatRange(range: NumericRange, unit = ""): string {
  if (range.min !== undefined && range.max !== undefined) return `${range.min}–${range.max}${unit}`;
  if (range.min !== undefined) return `≥ ${range.min}${unit}`;
  return `≤ ${range.max}${unit}`;
}

const inRange = (value: number, r: NumericRange) =>
  (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max);

function rangeCheck(value: number, range: NumericRange | undefined, label: string, unit = "") {
  if (!range) return neutral(`${label}: the profile sets no range`);
  const where = formatRange(range, unit);
  return verdict(inRange(value, range), `${label} within ${where}`, `${label} outside ${where}`);
}

/** Exact membership: the answer must equal one of the listed values (never a substring). */
function oneOf<T extends string>(value: T, allowed: readonly T[] | undefined, label: string) {
  if (!allowed) return neutral(`${label}: the profile does not restrict it`);
  const list = allowed.join(", ");
  return verdict(
    allowed.includes(value),
    `${label} ${value} is one of ${list}`,
    `${label} ${value} is not one of ${list}`,
  );
}

function requirement(has: boolean, required: boolean | undefined, what: string): Verdict {
  if (required === undefined) return neutral(`${what}: the profile does not depend on it`);
  if (required) return verdict(has, `${what}: present, as required`, `${what}: missing, required`);
  return has
    ? neutral(`${what}: present, not needed by the profile`)
    : { status: "matched", detail: `${what}: not needed, as the profile assumes` };
}

function atMost(value: number, floor: number | undefined, label: string, unit: string) {
  if (floor === undefined) return neutral(`${label}: the profile sets no target`);
  return verdict(
    floor <= value,
    `${label}: profile targets ${floor}${unit}, within your ${value}${unit}`,
    `${label}: profile targets ${floor}${unit}, looser than your ${value}${unit}`,
  );
}

type Evaluate = (a: Answers, c: ProfileConstraints, t: SuccessThresholds) => Verdict | undefined;

/** Every input the flags and the grill ask for, and how it is compared. Order = report order. */
const DIMENSIONS: Array<{ dimension: Dimension; input: keyof Answers; evaluate: Evaluate }> = [
  {
    dimension: "teamSize",
    input: "teamSize",
    evaluate: (a, c) =>
      a.teamSize === undefined
        ? undefined
        : rangeCheck(a.teamSize, c.teamSize, `team of ${a.teamSize}`),
  },
  {
    dimension: "pattern",
    input: "pattern",
    evaluate: (a, c) => (a.pattern ? oneOf(a.pattern, c.patterns, "pattern") : undefined),
  },
  {
    dimension: "dataSensitivity",
    input: "dataSensitivity",
    evaluate: (a, c) => {
      if (!a.dataSensitivity) return undefined;
      if (!c.maxSensitivity) return neutral("data sensitivity: the profile sets no maximum");
      return verdict(
        SENSITIVITY_RANK[a.dataSensitivity] <= SENSITIVITY_RANK[c.maxSensitivity],
        `data ${a.dataSensitivity} within the profile's maximum (${c.maxSensitivity})`,
        `data ${a.dataSensitivity} above the profile's maximum (${c.maxSensitivity})`,
      );
    },
  },
  {
    dimension: "languagePreference",
    input: "languagePreference",
    evaluate: (a, c) =>
      a.languagePreference ? oneOf(a.languagePreference, c.languages, "language") : undefined,
  },
  {
    dimension: "tenancy",
    input: "tenancy",
    evaluate: (a, c) => (a.tenancy ? oneOf(a.tenancy, c.tenancies, "tenancy") : undefined),
  },
  {
    dimension: "qpsP99",
    input: "qpsP99",
    evaluate: (a, c) =>
      typeof a.qpsP99 === "number"
        ? rangeCheck(a.qpsP99, c.qpsP99, `p99 QPS ${a.qpsP99}`)
        : undefined,
  },
  {
    dimension: "platformTeam",
    input: "platformTeam",
    evaluate: (a, c) =>
      a.platformTeam === undefined
        ? undefined
        : requirement(a.platformTeam, c.requiresPlatformTeam, "platform team"),
  },
  {
    dimension: "needsAdminPanel",
    input: "needsAdminPanel",
    evaluate: (a, c) =>
      a.needsAdminPanel === undefined
        ? undefined
        : requirement(a.needsAdminPanel, c.requiresAdminPanel, "admin panel"),
  },
  {
    dimension: "readWriteRatio",
    input: "readWriteRatio",
    evaluate: (a, c) =>
      a.readWriteRatio === undefined
        ? undefined
        : rangeCheck(a.readWriteRatio, c.readWriteRatio, `read/write ${a.readWriteRatio}:1`, ":1"),
  },
  {
    dimension: "interactionStyle",
    input: "interactionStyle",
    evaluate: (a, c) =>
      a.interactionStyle
        ? oneOf(a.interactionStyle, c.interactionStyles, "interaction style")
        : undefined,
  },
  {
    dimension: "rpoMinutes",
    input: "rpoMinutes",
    evaluate: (a, _c, t) =>
      typeof a.rpoMinutes === "number"
        ? atMost(a.rpoMinutes, t.rpoMinutes, "RPO", " min")
        : undefined,
  },
  {
    dimension: "rtoMinutes",
    input: "rtoMinutes",
    evaluate: (a, _c, t) =>
      typeof a.rtoMinutes === "number"
        ? atMost(a.rtoMinutes, t.rtoMinutes, "RTO", " min")
        : undefined,
  },
  {
    dimension: "sloTarget",
    input: "sloTarget",
    evaluate: (a, _c, t) => {
      if (typeof a.sloTarget !== "number") return undefined;
      if (t.uptimePercent === undefined) return neutral("uptime: the profile sets no target");
      return verdict(
        t.uptimePercent >= a.sloTarget,
        `uptime: profile targets ${t.uptimePercent}%, meets your ${a.sloTarget}%`,
        `uptime: profile targets ${t.uptimePercent}%, below your ${a.sloTarget}%`,
      );
    },
  },
  {
    dimension: "sloLatencyMs",
    input: "sloLatencyMs",
    evaluate: (a, _c, t) =>
      a.sloLatencyMs === undefined
        ? undefined
        : atMost(a.sloLatencyMs, t.latencyMs?.p99, "p99 latency", " ms"),
  },
];

/** Compare the answers with one profile, dimension by dimension. */
export function scoreProfile(answers: Answers, profile: Profile): ProfileScore {
  const checks: ConstraintCheck[] = [];
  for (const d of DIMENSIONS) {
    const v = d.evaluate(answers, profile.constraints, profile.successThresholds);
    if (v)
      checks.push({ dimension: d.dimension, input: d.input, weight: WEIGHTS[d.dimension], ...v });
  }
  const maxPoints = checks.reduce((sum, c) => sum + c.weight, 0);
  const points = checks.reduce(
    (sum, c) => sum + (c.status === "matched" ? c.weight : c.status === "violated" ? -c.weight : 0),
    0,
  );
  const fitScore = maxPoints === 0 ? 50 : Math.round((50 + (50 * points) / maxPoints) * 10) / 10;
  return {
    profile: profile.name,
    title: profile.title,
    points,
    maxPoints,
    fitScore,
    matched: checks.filter((c) => c.status === "matched"),
    violated: checks.filter((c) => c.status === "violated"),
    neutral: checks.filter((c) => c.status === "neutral"),
  };
}
