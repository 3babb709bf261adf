import type { DataSensitivity, InteractionStyle, Language, Pattern, Tenancy } from "./answers.js";

/** The shape of a profile file; `profiles/profile.schema.json` is the contract for it. */
export interface Profile {
  name: string;
  title: string;
  whenToPick: string;
  constraints: ProfileConstraints;
  /**
   * Which constraints are hard (a violation rules the profile out) and which are soft (a violation
   * only lowers the fit). A constraint left out takes its default: see DEFAULT_HARD_CONSTRAINTS.
   */
  constraintStrength?: ConstraintStrengths;
  stack: StackPick[];
  antiRecommendations: AntiRecommendation[];
  successThresholds: SuccessThresholds;
  approvals: Approval[];
  canon: CanonEntry[];
  nextConcerns?: ProfileConcern[];
  /** Where the profile was loaded from (set by the loader, not part of the file). */
  file?: string;
}

export interface NumericRange {
  min?: number;
  max?: number;
}

/** Each constraint is one scored dimension; a constraint left out is neutral. */
export interface ProfileConstraints {
  teamSize?: NumericRange;
  patterns?: Pattern[];
  tenancies?: Tenancy[];
  maxSensitivity?: DataSensitivity;
  qpsP99?: NumericRange;
  readWriteRatio?: NumericRange;
  languages?: Language[];
  interactionStyles?: InteractionStyle[];
  requiresPlatformTeam?: boolean;
  /** The profile is built around an admin panel: a team that needs none is a worse fit. */
  requiresAdminPanel?: boolean;
  /** The stack ships an admin panel (e.g. Django admin): a team that needs one is a better fit. */
  providesAdminPanel?: boolean;
}

/** The name of one constraint, as it is spelled in `constraints`. */
export type ConstraintName = keyof ProfileConstraints;

export type ConstraintStrength = "hard" | "soft";

export type ConstraintStrengths = Partial<Record<ConstraintName, ConstraintStrength>>;

export interface StackPick {
  layer: string;
  pick: string;
  why?: string;
}

/** Facts that, when all hold for the answers, trip an anti-recommendation. */
export interface AnswerCondition {
  patterns?: Pattern[];
  tenancies?: Tenancy[];
  sensitivities?: DataSensitivity[];
  interactionStyles?: InteractionStyle[];
  languages?: Language[];
  teamSizeBelow?: number;
  teamSizeAtLeast?: number;
  qpsP99Below?: number;
  qpsP99AtLeast?: number;
  readWriteRatioBelow?: number;
  platformTeam?: boolean;
  needsAdminPanel?: boolean;
}

export interface AntiRecommendation {
  id: string;
  severity: "kill" | "warn";
  what: string;
  reason: string;
  /** Without `when` the advice always stands but is never "tripped". */
  when?: AnswerCondition;
}

export type ScanSeverity = "none" | "low" | "medium" | "high" | "critical";

export interface LatencyThresholds {
  p50: number;
  p95: number;
  p99: number;
}

export interface SuccessThresholds {
  latencyMs?: LatencyThresholds;
  uptimePercent?: number;
  rpoMinutes?: number;
  rtoMinutes?: number;
  minCoveragePercent?: number;
  maxOpenScanSeverity?: ScanSeverity;
  minThroughputRps?: number;
}

export interface Approver {
  role: string;
  title: string;
  name?: string;
}

export interface Approval {
  change: string;
  title: string;
  chain: Approver[];
}

export interface CanonEntry {
  question?: number;
  cite: string;
  topic?: string;
}

export interface ProfileConcern {
  id: string;
  title: string;
  why: string;
  covers?: string;
}
