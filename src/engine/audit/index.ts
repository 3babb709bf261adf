export type { AuditOptions } from "./check-context.js";
export { docLink, FINDING_CATALOG, FINDINGS_DOC, findingAnchor } from "./finding-catalog.js";
export { inlineRefs, operationsFromModel, specExpectsAsymmetricJwt } from "./from-api-model.js";
export type { AuditOperation, AuditParameter, JsonSchema } from "./operations.js";
export { operationsFromSpec, parseTarget } from "./prepare.js";
export { CHECK_IDS, failsGate, type RunAuditOptions, runAudit } from "./run-audit.js";
export type {
  AuditEvent,
  AuditReport,
  CheckId,
  CheckOutcome,
  CheckStatus,
  Evidence,
  Finding,
  Severity,
} from "./types.js";
export { SEVERITY_RANK } from "./types.js";
