import { UserError } from "../shared/index.js";
import type { Answers } from "./answers.js";
import { type AntiPatternResult, evaluateAntiPatterns } from "./anti-patterns.js";
import { type ApproverPlan, approverPlan } from "./approvers.js";
import { evaluateKillCriteria, type TrippedKill } from "./kill-criteria.js";
import { missingInputs } from "./missing-inputs.js";
import { type NextConcern, nextConcerns } from "./next-concerns.js";
import type { CanonEntry, Profile, StackPick, SuccessThresholds } from "./profile.js";
import type { LoadedProfiles, ProfileError } from "./profile-loader.js";
import { rankProfiles, TIE_BREAK_RULE, type TieBreakStep } from "./ranking.js";
import type { ProfileScore } from "./scoring.js";
import { type SloFloor, sloFloor } from "./slo-floor.js";

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
  /** False when the SLO floor lacks latency, uptime or RPO/RTO. */
  complete: boolean;
  file?: string;
}

export interface Decision {
  inputs: Answers;
  /** Tripped kill criteria, listed first in every view. */
  kills: TrippedKill[];
  best: ProfileReport;
  runnerUp?: ProfileReport;
  /** Every profile, best first. */
  ranking: ProfileScore[];
  tieBreak: { rule: readonly string[]; decidedBy?: TieBreakStep };
  /** Same as best.complete. */
  complete: boolean;
  profileErrors: ProfileError[];
}

export interface DecideOptions {
  /** The loaded profiles (from loadProfiles) or a plain list. */
  profiles: LoadedProfiles | Profile[];
}

/** The full report for one profile. */
export function profileReport(
  answers: Answers,
  profile: Profile,
  score: ProfileScore,
): ProfileReport {
  const floor = sloFloor(answers, profile);
  const t = profile.successThresholds;
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
    complete: floor.complete,
    file: profile.file,
  };
}

/**
 * Rank the profiles for the answers and build the recommendation.
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
  const [first, second] = ranking.scores;
  const best = profileReport(answers, byName.get(first!.profile)!, first!);
  const close = second && first!.fitScore - second.fitScore <= RUNNER_UP_WITHIN * first!.fitScore;
  return {
    inputs: answers,
    kills: evaluateKillCriteria(answers),
    best,
    runnerUp: close ? profileReport(answers, byName.get(second.profile)!, second) : undefined,
    ranking: ranking.scores,
    tieBreak: { rule: TIE_BREAK_RULE, decidedBy: ranking.decidedBy },
    complete: best.complete,
    profileErrors,
  };
}
