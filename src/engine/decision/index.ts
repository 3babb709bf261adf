/** Public API of the decision engine: profiles, scoring, kill criteria, recommendation. */

export * from "./answers.js";
export type { AntiPatternResult } from "./anti-patterns.js";
export { type ApprovalRequirement, type ApproverPlan, NEVER_AUTO_APPROVES } from "./approvers.js";
export {
  evaluateKillCriteria,
  KILL_CRITERIA,
  type KillCriterion,
  type TrippedKill,
} from "./kill-criteria.js";
export { missingInputs, REQUIRED_INPUTS, type RequiredInput } from "./missing-inputs.js";
export { COMPOSITION_MAP, type NextConcern } from "./next-concerns.js";
export type * from "./profile.js";
export {
  DEFAULT_PROFILES_DIR,
  findProfile,
  type LoadedProfiles,
  loadProfiles,
  type ProfileError,
  validateProfile,
} from "./profile-loader.js";
export { type Ranking, rankProfiles, TIE_BREAK_RULE, type TieBreakStep } from "./ranking.js";
export {
  type DecideOptions,
  type Decision,
  decide,
  type ProfileReport,
  profileReport,
  RUNNER_UP_WITHIN,
} from "./recommend.js";
export {
  type ConstraintCheck,
  type ConstraintStatus,
  type Dimension,
  formatRange,
  type ProfileScore,
  scoreProfile,
  WEIGHTS,
} from "./scoring.js";
export type { FloorField, SloFloor } from "./slo-floor.js";
