export type { AuditOptions } from "./check-context.js";
export { inlineRefs, operationsFromModel, specExpectsAsymmetricJwt } from "./from-api-model.js";
export type { AuditOperation, AuditParameter, JsonSchema } from "./operations.js";
export { operationsFromSpec, parseTarget } from "./prepare.js";
export { failsGate, type RunAuditOptions, runAudit } from "./run-audit.js";
export type { AuditEvent, AuditReport, CheckId, Evidence, Finding, Severity } from "./types.js";
export { SEVERITY_RANK } from "./types.js";
