import type { TurnInput } from "../../src/engine/grill/index.js";

/** Typed answers per turn id for a grill that passes every kill criterion (as a person types them). */
export const PASSING_INPUT: Record<string, TurnInput> = {
  load: { readWriteRatio: "20", qpsP99: "50" },
  tenancy: { tenancy: "shared-multi-tenant" },
  "enterprise-pricing": { enterprisePricing: "yes" },
  interaction: { interactionStyle: "sync" },
  "team-size-events": { teamSize: "40" },
  "interaction-exceptions": { interactionExceptions: "PDF export via a queue" },
  sensitivity: { dataSensitivity: "pii" },
  "compliance-owner": { complianceOwner: "Dana Whitfield" },
  "encryption-at-rest": { encryptionAtRestPlan: "yes" },
  architecture: { pattern: "modular-monolith" },
  "team-size": { teamSize: "8" },
  "platform-team": { platformTeam: "no" },
  "bounded-contexts": { independentBoundedContexts: "yes" },
  language: { languagePreference: "typescript" },
  "admin-panel": { needsAdminPanel: "no" },
  "customer-facing": { customerFacing: "yes" },
  recovery: { rpoMinutes: "60", rtoMinutes: "240" },
  "recovery-surfaces": { recoveryPerSurface: "billing 0/15, search 60/240" },
  slo: { sloTarget: "99.5", sloLatencyMs: "500" },
  "slo-sli": { sloSli: "share of requests under 500 ms at the load balancer" },
  "error-budget-owner": { errorBudgetOwner: "Sam Okafor" },
};
