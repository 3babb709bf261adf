import { UserError } from "../shared/index.js";
import type { Answers } from "./answers.js";
import { type AntiPatternResult, evaluateAntiPatterns } from "./anti-patterns.js";
import { type ApproverPlan, approverPlan } from "./approvers.js";
import { DIMENSION_QUESTIONS } from "./dimension-questions.js";
import { evaluateKillCriteria, type TrippedKill } from "./kill-criteria.js";
import { missingInputs } from "./missing-inputs.js";
import { type NextConcern, nextConcerns } from "./next-concerns.js";
import {
  type ClosestProfile,
  type CustomProfileGuide,
  closestProfiles,
  customProfileGuide,
} from "./no-fit.js";
import type { CanonEntry, Profile, StackPick, SuccessThresholds } from "./profile.js";
import type { LoadedProfiles, ProfileError } from "./profile-loader.js";
import {
  closeness,
  compareScores,
  rankProfiles,
  TIE_BREAK_RULE,
  type TieBreakStep,
} from "./ranking.js";
import { FIT_SCORE_MEANING, type ProfileScore } from "./scoring.js";
import { type SloFloor, sloFloor } from "./slo-floor.js";
import { type SeparatingQuestion, separatingQuestion } from "./tie-question.js";
import {
  type DecisionWarning,
  errorBudgetWarning,
  fitWarnings,
  looserThanFloorWarnings,
} from "./warnings.js";

/** A runner-up is shown when its fit score is within this share of the best one's. */
export const RUNNER_UP_WITHIN = 0.15;

/** Everything the decision says about one profile for these answers. */
export interface ProfileReport {
  score: ProfileScore;
  whenToPick: string;
  stack: StackPick[];
  antiPatterns: AntiPatternResult[];
  approvers: ApproverPlan;
  sloFloor: SloFloor;
  /** Thresholds beyond the SLO floor: coverage, scan severity, throughput. */
  otherThresholds: Pick<
    SuccessThresholds,
    "minCoveragePercent" | "maxOpenScanSeverity" | "minThroughputRps"
  >;
  nextConcerns: NextConcern[];
  canon: CanonEntry[];
  /** Error budget against RTO, and stated SLOs looser than this profile's floor. */
  warnings: DecisionWarning[];
  /** True only when the team stated an availability SLO, an RPO and an RTO. */
  complete: boolean;
  file?: string;
}

/**
 * What the decision says, first in every view:
 * - `recommended`: the best profile violates no hard constraint and no kill criterion tripped;
 * - `no-fit`: every profile violates a hard constraint (see `closest` and `customProfile`);
 * - `blocked`: a kill criterion tripped; resolve `kills` first (the tool does not scaffold around a gap);
 * - `tie`: two or more fitting profiles are equal on every scoring rule (see `tied` and `separatingQuestion`).
 */
export type DecisionStatus = "recommended" | "no-fit" | "blocked" | "tie";

/** An SLO input the team did not state: the profile's value is only a suggested default. */
export interface UnstatedInput {
  field: "sloTarget" | "rpoMinutes" | "rtoMinutes";
  flag: string;
  label: string;
}

export interface Decision {
  status: DecisionStatus;
  /** One sentence after the status: what it means here and what to do (the text report's first line). */
  summary: string;
  inputs: Answers;
  /** Tripped kill criteria, listed first in every view. */
  kills: TrippedKill[];
  /** The recommended profile; null unless status is `recommended`. */
  best: ProfileReport | null;
  /** A fitting profile within RUNNER_UP_WITHIN of the best (only when recommended). */
  runnerUp?: ProfileReport;
  /** The tied profiles' names (status `tie`), else empty. */
  tied: string[];
  /** The question whose answer would separate the tied profiles (status `tie`), else null. */
  separatingQuestion: SeparatingQuestion | null;
  /** The closest profiles and what would have to change (status `no-fit`), else empty. */
  closest: ClosestProfile[];
  /** How to write a custom profile from the closest one (status `no-fit`), else null. */
  customProfile: CustomProfileGuide | null;
  /** Arithmetic the team should see: error budget against RTO, SLOs looser than the floor. */
  warnings: DecisionWarning[];
  /** Every profile: fitting ones first by the rule, then the rest by fewest hard violations. */
  ranking: ProfileScore[];
  /** What the fit number means. */
  fitScoreMeaning: string;
  tieBreak: { rule: readonly string[]; decidedBy?: TieBreakStep };
  /** True only when the team stated an availability SLO, an RPO and an RTO. */
  complete: boolean;
  /** The SLO inputs not stated (the profile's values stand in as suggested defaults). */
  unstated: UnstatedInput[];
  profileErrors: ProfileError[];
}

export interface DecideOptions {
  /** The loaded profiles (from loadProfiles) or a plain list. */
  profiles: LoadedProfiles | Profile[];
}

export const COMPLETENESS_INPUTS: UnstatedInput[] = [
  { field: "sloTarget", flag: "--slo-target", label: "availability SLO" },
  { field: "rpoMinutes", flag: "--rpo-minutes", label: "RPO" },
  { field: "rtoMinutes", flag: "--rto-minutes", label: "RTO" },
];

/** The SLO inputs the team has not stated as numbers. */
export function unstatedInputs(answers: Answers): UnstatedInput[] {
  return COMPLETENESS_INPUTS.filter((i) => typeof answers[i.field] !== "number");
}

/** The full report for one profile. */
export function profileReport(
  answers: Answers,
  profile: Profile,
  score: ProfileScore,
): ProfileReport {
  const floor = sloFloor(answers, profile);
  const t = profile.successThresholds;
  const budget = errorBudgetWarning(answers, floor);
  return {
    score,
    whenToPick: profile.whenToPick,
    stack: profile.stack,
    antiPatterns: evaluateAntiPatterns(answers, profile),
    approvers: approverPlan(answers, profile),
    sloFloor: floor,
    otherThresholds: {
      minCoveragePercent: t.minCoveragePercent,
      maxOpenScanSeverity: t.maxOpenScanSeverity,
      minThroughputRps: t.minThroughputRps,
    },
    nextConcerns: nextConcerns(answers, profile),
    canon: profile.canon,
    warnings: [...(budget ? [budget] : []), ...looserThanFloorWarnings(answers, profile)],
    complete: unstatedInputs(answers).length === 0,
    file: profile.file,
  };
}

const joined = (list: string[], word: string) =>
  list.length <= 2
    ? list.join(` ${word} `)
    : `${list.slice(0, -1).join(", ")} ${word} ${list.at(-1)}`;
const names = (list: string[]) => joined(list, "and");
/** "monolith, modular-monolith" → "monolith or modular-monolith". */
const orList = (constraint: string) => joined(constraint.split(", "), "or");

/** The first line of a no-fit decision: which hard constraint nobody meets, and the closest profiles. */
function noFitSummary(scores: ProfileScore[], closest: ClosestProfile[]): string {
  const lead = scores[0]!;
  const equally = scores.filter(
    (s) => closeness(lead, s) === 0 && compareScores(lead, s).order === 0,
  );
  const language = lead.hardViolations.find((c) => c.dimension === "languagePreference");
  const who =
    equally.length > 1 ? `${names(equally.map((s) => s.profile))} (equally)` : lead.profile;
  const needs = closest[0]!.changes.map((c) =>
    c.dimension === "languagePreference"
      ? `a ${c.answer} stack`
      : c.dimension
        ? `${DIMENSION_QUESTIONS[c.dimension].label} ${orList(c.constraint)} instead of ${c.answer}`
        : `"${c.constraint}" not to apply (tripped by ${c.answer})`,
  );
  if (
    language &&
    scores.every((s) => s.hardViolations.some((c) => c.dimension === "languagePreference"))
  )
    return `no profile is written for ${language.answer} teams; write a custom profile for ${language.answer} (closest: ${who}, which would need ${needs.join(" and ")}).`;
  const why = scores.some((s) => s.trippedKills.length > 0)
    ? "every profile is ruled out by a hard constraint or its own kill anti-pattern"
    : "every profile violates a hard constraint";
  return `${why}; closest: ${who}, which would need ${needs.join(" and ")}; or write a custom profile.`;
}

/**
 * Rank the profiles for the answers and build the decision.
 * Throws a UserError (exit 2) naming every missing required input.
 */
export function decide(answers: Answers, options: DecideOptions): Decision {
  const missing = missingInputs(answers);
  if (missing.length > 0) {
    throw new UserError(`missing required inputs: ${missing.map((m) => m.flag).join(", ")}`, {
      hint: missing.map((m) => `${m.flag} (${m.label}, grill question ${m.question})`).join("; "),
    });
  }
  const list = Array.isArray(options.profiles) ? options.profiles : options.profiles.profiles;
  const profileErrors = Array.isArray(options.profiles) ? [] : options.profiles.errors;
  if (list.length === 0) throw new UserError("no profiles to rank");
  const byName = new Map(list.map((p) => [p.name, p]));
  const ranking = rankProfiles(answers, list);
  const kills = evaluateKillCriteria(answers);
  const first = ranking.scores[0]!;
  const base = {
    summary: "",
    inputs: answers,
    kills,
    best: null,
    tied: [] as string[],
    separatingQuestion: null,
    closest: [] as ClosestProfile[],
    customProfile: null,
    ranking: ranking.scores,
    fitScoreMeaning: FIT_SCORE_MEANING,
    tieBreak: { rule: TIE_BREAK_RULE, decidedBy: ranking.decidedBy },
    complete: unstatedInputs(answers).length === 0,
    unstated: unstatedInputs(answers),
    profileErrors,
  };
  const answerWarnings = () => {
    const w = errorBudgetWarning(answers);
    return w ? [w] : [];
  };

  if (kills.length > 0) {
    return {
      status: "blocked",
      ...base,
      summary: `${kills.length} kill criteri${kills.length === 1 ? "on" : "a"} tripped (${kills.map((k) => k.title).join("; ")}); resolve ${kills.length === 1 ? "it" : "them"} before choosing a stack.`,
      warnings: answerWarnings(),
    };
  }
  if (!first.eligible) {
    const closest = closestProfiles(ranking.scores, byName);
    return {
      status: "no-fit",
      ...base,
      summary: noFitSummary(ranking.scores, closest),
      closest,
      customProfile: customProfileGuide(first, byName.get(first.profile)!),
      warnings: answerWarnings(),
    };
  }
  if (ranking.tied.length > 0) {
    const tied = ranking.tied.map((s) => s.profile);
    const question = separatingQuestion(
      answers,
      tied.map((n) => byName.get(n)!),
    );
    return {
      status: "tie",
      ...base,
      summary: `${names(tied)} fit equally (fit ${first.fitScore.toFixed(1)}). ${question.text}`,
      tied,
      separatingQuestion: question,
      tieBreak: { rule: TIE_BREAK_RULE },
      warnings: answerWarnings(),
    };
  }
  const best = profileReport(answers, byName.get(first.profile)!, first);
  const second = ranking.scores[1];
  const close =
    second?.eligible === true &&
    first.fitScore - second.fitScore <= RUNNER_UP_WITHIN * first.fitScore;
  return {
    status: "recommended",
    ...base,
    summary: `${first.profile} (${first.title}), fit ${first.fitScore.toFixed(1)}/100, no hard constraint violated.`,
    best,
    runnerUp: close ? profileReport(answers, byName.get(second.profile)!, second) : undefined,
    warnings: [...fitWarnings(byName.get(first.profile)!, first), ...best.warnings],
  };
}
