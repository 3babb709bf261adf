/** Public API of the decision engine: profiles, scoring, kill criteria, recommendation. */

export * from "./answers.js";
export type { AntiPatternResult } from "./anti-patterns.js";
export { type ApprovalRequirement, type ApproverPlan, NEVER_AUTO_APPROVES } from "./approvers.js";
export {
  CONSTRAINT_NAMES,
  DEFAULT_HARD_CONSTRAINTS,
  strengthOf,
} from "./constraint-strength.js";
export { DIMENSION_QUESTIONS, type DimensionQuestion } from "./dimension-questions.js";
export {
  evaluateKillCriteria,
  KILL_CRITERIA,
  type KillCriterion,
  type TrippedKill,
} from "./kill-criteria.js";
export { missingInputs, REQUIRED_INPUTS, type RequiredInput } from "./missing-inputs.js";
export { COMPOSITION_MAP, type NextConcern } from "./next-concerns.js";
export {
  CLOSEST_LIMIT,
  type ClosestProfile,
  type CustomProfileGuide,
  type ProfileEdit,
  type RequiredChange,
} from "./no-fit.js";
export type * from "./profile.js";
export {
  DEFAULT_PROFILES_DIR,
  findProfile,
  type LoadedProfiles,
  loadProfiles,
  type ProfileError,
  validateProfile,
} from "./profile-loader.js";
export {
  compareScores,
  type Ranking,
  rankProfiles,
  TIE_BREAK_RULE,
  type TieBreakStep,
} from "./ranking.js";
export {
  COMPLETENESS_INPUTS,
  type DecideOptions,
  type Decision,
  type DecisionStatus,
  decide,
  type ProfileReport,
  profileReport,
  RUNNER_UP_WITHIN,
  type UnstatedInput,
  unstatedInputs,
} from "./recommend.js";
export {
  type ConstraintCheck,
  type ConstraintStatus,
  type Dimension,
  FIT_SCORE_MEANING,
  formatRange,
  type ProfileScore,
  scoreProfile,
  WEIGHTS,
} from "./scoring.js";
export type { FloorField, SloFloor } from "./slo-floor.js";
export { type SeparatingQuestion, separatingQuestion, type TieOutcome } from "./tie-question.js";
export {
  type DecisionWarning,
  errorBudgetMinutes,
  MINUTES_PER_MONTH,
} from "./warnings.js";
