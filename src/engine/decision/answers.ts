/**
 * The facts the grill collects and the decision engine consumes: one shape for both.
 * Every field is optional here; what is required for a decision is checked by `missingInputs`.
 */
export const TENANCIES = ["single-tenant", "shared-multi-tenant", "isolated-multi-tenant"] as const;
export const DATA_SENSITIVITIES = ["public", "internal", "pii", "phi", "pci", "regulated"] as const;
export const PATTERNS = [
  "monolith",
  "modular-monolith",
  "domain-bounded-services",
  "microservices",
  "serverless",
] as const;
export const LANGUAGES = [
  "typescript",
  "python",
  "go",
  "rust",
  "java",
  "kotlin",
  "dotnet",
] as const;
export const INTERACTION_STYLES = ["sync", "async-queue", "event-driven"] as const;

export type Tenancy = (typeof TENANCIES)[number];
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];
export type Pattern = (typeof PATTERNS)[number];
export type Language = (typeof LANGUAGES)[number];
export type InteractionStyle = (typeof INTERACTION_STYLES)[number];

/** Sensitivity tiers in increasing order of obligation (`regulated` ranks with phi). */
export const SENSITIVITY_RANK: Record<DataSensitivity, number> = {
  public: 0,
  internal: 1,
  pii: 2,
  regulated: 3,
  phi: 3,
  pci: 3,
};

export interface Answers {
  // Q1 load
  /** Reads per write, e.g. 20 for 20:1. */
  readWriteRatio?: number;
  /** One-year p99 queries per second; null when the team answered without a number. */
  qpsP99?: number | null;
  // Q2 tenancy
  tenancy?: Tenancy;
  /** Follow-up to single-tenant: is there enterprise pricing that pays for an instance per customer? */
  enterprisePricing?: boolean;
  // Q3 interaction style
  interactionStyle?: InteractionStyle;
  /** Free text: the flows that are exceptions to the default style. */
  interactionExceptions?: string;
  // Q4 data sensitivity
  dataSensitivity?: DataSensitivity;
  /** Named person who owns compliance (needed for phi / pci / regulated). */
  complianceOwner?: string;
  /** Is there a plan for encryption at rest (needed for phi / pci / regulated)? */
  encryptionAtRestPlan?: boolean;
  // Q5 architecture
  pattern?: Pattern;
  teamSize?: number;
  platformTeam?: boolean;
  /** Do the proposed services map to independent bounded contexts? */
  independentBoundedContexts?: boolean;
  languagePreference?: Language;
  needsAdminPanel?: boolean;
  // Q6 recovery
  /** Does a customer-facing production database sit behind this service? Defaults to true. */
  customerFacing?: boolean;
  rpoMinutes?: number | null;
  rtoMinutes?: number | null;
  /** Per-surface overrides, e.g. { billing: { rpoMinutes: 0, rtoMinutes: 15 } }. */
  recoveryPerSurface?: Record<string, { rpoMinutes: number; rtoMinutes: number }>;
  // Q7 SLO
  /** Availability target in percent, e.g. 99.9; null when only "high availability" was said. */
  sloTarget?: number | null;
  /** The latency SLI threshold in ms (p99), if the SLO is on latency. */
  sloLatencyMs?: number;
  /** The measurable SLI in words, e.g. "share of requests under 300 ms at the load balancer". */
  sloSli?: string;
  /** Named person who owns the error budget. */
  errorBudgetOwner?: string;
}
