import { type Answers, SENSITIVITY_RANK } from "./answers.js";
import { evaluateAntiPatterns } from "./anti-patterns.js";
import { strengthOf } from "./constraint-strength.js";
import {
  adminPanel,
  type ConstraintStatus,
  neutral,
  oneOf,
  platformTeam,
  rangeCheck,
  type Verdict,
  verdict,
} from "./constraint-verdicts.js";
import type { ConstraintName, ConstraintStrength, Profile } from "./profile.js";

export type { ConstraintStatus } from "./constraint-verdicts.js";

/** One input compared with one profile constraint: a row of the per-dimension table. */
export interface ConstraintCheck {
  dimension: Dimension;
  /** The answer field the check reads. */
  input: keyof Answers;
  /** The answer as the user gave it, e.g. "8", "java", "yes". */
  answer: string;
  /** The profile's constraint on it, e.g. "1–15", "typescript", "≤ pii"; "—" when it sets none. */
  constraint: string;
  /** The profile constraint the check reads; absent when the profile sets none. */
  constraintName?: ConstraintName;
  /** Hard: a violation rules the profile out. Soft: a violation only lowers the fit. */
  strength: ConstraintStrength;
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
  /** 0–100: 50 + 50 × points / maxPoints, one decimal. 100 = every input matched. See FIT_SCORE_MEANING. */
  fitScore: number;
  /**
   * False when a hard constraint is violated or one of the profile's own kill anti-patterns is
   * tripped: such a profile is never recommended.
   */
  eligible: boolean;
  /** Every input in report order: the per-dimension table. */
  checks: ConstraintCheck[];
  matched: ConstraintCheck[];
  violated: ConstraintCheck[];
  neutral: ConstraintCheck[];
  /** The violated checks whose constraint is hard. */
  hardViolations: ConstraintCheck[];
  /** The profile's own anti-recommendations of severity kill that the answers trip. */
  trippedKills: TrippedAntiPattern[];
  /** Inputs the profile requires (a platform team, an admin panel) that the answers leave open. */
  unconfirmed: Dimension[];
}

export interface TrippedAntiPattern {
  id: string;
  what: string;
  reason: string;
  because: string;
}

/** The inputs a profile's constraints are compared with. SLO answers tighten the SLO floor instead. */
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
  | "interactionStyle";

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
};

/** What the fit number means, for every view that shows one. */
export const FIT_SCORE_MEANING =
  "Fit 0–100 = 50 + 50 × points ÷ max points. Each input you gave is compared with the profile's constraint on it: matched adds the input's weight, violated subtracts it, a constraint the profile does not set adds nothing. Max points is the total weight of your inputs, so 100 means every input matched, 50 that matches and violations cancel out (or nothing was constrained), 0 that every input violated. A violated hard constraint rules a profile out whatever its fit.";

type Evaluate = (a: Answers, p: Profile) => { answer: string; verdict: Verdict } | undefined;

/** Every input a profile constraint is compared with, and how. Order = report order. */
const DIMENSIONS: Array<{ dimension: Dimension; input: keyof Answers; evaluate: Evaluate }> = [
  {
    dimension: "languagePreference",
    input: "languagePreference",
    evaluate: (a, p) =>
      a.languagePreference
        ? {
            answer: a.languagePreference,
            verdict: oneOf(a.languagePreference, p.constraints.languages, "languages", "language"),
          }
        : undefined,
  },
  {
    dimension: "pattern",
    input: "pattern",
    evaluate: (a, p) =>
      a.pattern
        ? {
            answer: a.pattern,
            verdict: oneOf(a.pattern, p.constraints.patterns, "patterns", "pattern"),
          }
        : undefined,
  },
  {
    dimension: "dataSensitivity",
    input: "dataSensitivity",
    evaluate: (a, p) => {
      if (!a.dataSensitivity) return undefined;
      const max = p.constraints.maxSensitivity;
      if (!max)
        return {
          answer: a.dataSensitivity,
          verdict: neutral("data sensitivity: the profile sets no maximum"),
        };
      const tier = SENSITIVITY_RANK[max] >= 3 ? ` (the regulated tier)` : "";
      return {
        answer: a.dataSensitivity,
        verdict: verdict(
          SENSITIVITY_RANK[a.dataSensitivity] <= SENSITIVITY_RANK[max],
          `data ${a.dataSensitivity} within the profile's maximum tier, ${max}${tier}`,
          `data ${a.dataSensitivity} above the profile's maximum tier, ${max}`,
          `≤ ${max}`,
          "maxSensitivity",
        ),
      };
    },
  },
  {
    dimension: "tenancy",
    input: "tenancy",
    evaluate: (a, p) =>
      a.tenancy
        ? {
            answer: a.tenancy,
            verdict: oneOf(a.tenancy, p.constraints.tenancies, "tenancies", "tenancy"),
          }
        : undefined,
  },
  {
    dimension: "teamSize",
    input: "teamSize",
    evaluate: (a, p) =>
      a.teamSize === undefined
        ? undefined
        : {
            answer: String(a.teamSize),
            verdict: rangeCheck(
              a.teamSize,
              p.constraints.teamSize,
              "teamSize",
              `team of ${a.teamSize}`,
            ),
          },
  },
  {
    dimension: "qpsP99",
    input: "qpsP99",
    evaluate: (a, p) =>
      typeof a.qpsP99 === "number"
        ? {
            answer: String(a.qpsP99),
            verdict: rangeCheck(a.qpsP99, p.constraints.qpsP99, "qpsP99", `p99 QPS ${a.qpsP99}`),
          }
        : undefined,
  },
  {
    dimension: "platformTeam",
    input: "platformTeam",
    evaluate: (a, p) =>
      a.platformTeam === undefined
        ? undefined
        : {
            answer: a.platformTeam ? "yes" : "no",
            verdict: platformTeam(a.platformTeam, p.constraints.requiresPlatformTeam),
          },
  },
  {
    dimension: "needsAdminPanel",
    input: "needsAdminPanel",
    evaluate: (a, p) =>
      a.needsAdminPanel === undefined
        ? undefined
        : {
            answer: a.needsAdminPanel ? "yes" : "no",
            verdict: adminPanel(a.needsAdminPanel, p.constraints),
          },
  },
  {
    dimension: "readWriteRatio",
    input: "readWriteRatio",
    evaluate: (a, p) =>
      a.readWriteRatio === undefined
        ? undefined
        : {
            answer: `${a.readWriteRatio}:1`,
            verdict: rangeCheck(
              a.readWriteRatio,
              p.constraints.readWriteRatio,
              "readWriteRatio",
              `read/write ${a.readWriteRatio}:1`,
              ":1",
            ),
          },
  },
  {
    dimension: "interactionStyle",
    input: "interactionStyle",
    evaluate: (a, p) =>
      a.interactionStyle
        ? {
            answer: a.interactionStyle,
            verdict: oneOf(
              a.interactionStyle,
              p.constraints.interactionStyles,
              "interactionStyles",
              "interaction style",
            ),
          }
        : undefined,
  },
];

export { formatRange } from "./constraint-verdicts.js";

/** Compare the answers with one profile, dimension by dimension. */
export function scoreProfile(answers: Answers, profile: Profile): ProfileScore {
  const checks: ConstraintCheck[] = [];
  for (const d of DIMENSIONS) {
    const r = d.evaluate(answers, profile);
    if (!r) continue;
    const { status, detail, constraint, constraintName } = r.verdict;
    checks.push({
      dimension: d.dimension,
      input: d.input,
      answer: r.answer,
      constraint,
      ...(constraintName ? { constraintName } : {}),
      strength: constraintName ? strengthOf(profile, constraintName) : "soft",
      weight: WEIGHTS[d.dimension],
      status,
      detail,
    });
  }
  const c = profile.constraints;
  const maxPoints = checks.reduce((sum, c) => sum + c.weight, 0);
  const points = checks.reduce(
    (sum, c) => sum + (c.status === "matched" ? c.weight : c.status === "violated" ? -c.weight : 0),
    0,
  );
  const fitScore = maxPoints === 0 ? 50 : Math.round((50 + (50 * points) / maxPoints) * 10) / 10;
  const violated = checks.filter((c) => c.status === "violated");
  const hardViolations = violated.filter((c) => c.strength === "hard");
  const trippedKills = evaluateAntiPatterns(answers, profile)
    .filter((a) => a.tripped && a.severity === "kill")
    .map((a) => ({ id: a.id, what: a.what, reason: a.reason, because: a.because ?? "" }));
  return {
    profile: profile.name,
    title: profile.title,
    points,
    maxPoints,
    fitScore,
    eligible: hardViolations.length === 0 && trippedKills.length === 0,
    checks,
    matched: checks.filter((c) => c.status === "matched"),
    violated,
    neutral: checks.filter((c) => c.status === "neutral"),
    hardViolations,
    trippedKills,
    unconfirmed: [
      ...(c.requiresPlatformTeam === true && answers.platformTeam === undefined
        ? (["platformTeam"] as const)
        : []),
      ...(c.requiresAdminPanel === true && answers.needsAdminPanel === undefined
        ? (["needsAdminPanel"] as const)
        : []),
    ],
  };
}
