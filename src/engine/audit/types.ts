/** Shapes shared by the audit checks, the runner and the views. */
export type Severity = "info" | "warning" | "error";

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type CheckId =
  | "origin"
  | "headers"
  | "cors"
  | "rate-limit"
  | "input-validation"
  | "error-leakage"
  | "methods"
  | "cookies"
  | "auth"
  | "authorization"
  | "responses";

export interface Evidence {
  /** The request as a short line, e.g. `POST /users (body: {"email": 1})`. */
  request: string;
  /** The part of the response that shows the problem, e.g. `HTTP 200, no Content-Security-Policy header`. */
  response: string;
}

export interface Finding {
  /** Stable id, e.g. `headers.missing-csp`; agents may match on it. */
  id: string;
  check: CheckId;
  severity: Severity;
  title: string;
  evidence: Evidence;
  fix: string;
  /** Section of references/backend_security_practices.md that explains it. */
  reference: string;
  /** The finding's own entry in docs/audit-findings.md (what it means, how to confirm, how to fix). */
  doc: string;
}

/** A finding as a check builds it; the runner adds the doc link from the id. */
export type FindingDraft = Omit<Finding, "doc">;

export interface ProbeRequest {
  method: string;
  /** A path (joined to the audited URL's origin) or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The spec operation this request exercises, when it was built from one. */
  operationId?: string;
  /** A request meant to be valid (its response is checked against the spec) or one that breaks the contract. */
  intent?: "valid" | "invalid";
}

export interface ProbeExchange {
  request: ProbeRequest;
  /** undefined when the request failed at the transport level. */
  status?: number;
  headers: Record<string, string | string[]>;
  /** The response body, cut at the body limit. */
  body: string;
  /** Set when the body was longer than the limit (so it is not the whole document). */
  bodyCut?: boolean;
  error?: string;
  timeMs: number;
}

export type AuditEvent =
  | { type: "check-start"; check: CheckId }
  | { type: "check-done"; check: CheckId; findings: number; status: CheckStatus }
  | { type: "request"; sent: number; max: number }
  | { type: "finding"; finding: Finding };

/** `incomplete`: the request budget, the per-request timeout or an interruption cut the check short. */
export type CheckStatus = "complete" | "incomplete" | "not-run";

export interface CheckOutcome {
  id: CheckId;
  status: CheckStatus;
  /** Why the check is incomplete or did not run. */
  reason?: "max-requests" | "timeout" | "interrupted";
  /** Requests the check sent. */
  requests: number;
}

export interface AuditReport {
  /** The audited URL, any password replaced by `***`. */
  target: string;
  /** `incomplete` when any selected check did not run to the end: the report cannot pass a gate. */
  status: "complete" | "incomplete";
  spec?: string;
  startedAt: string;
  durationMs: number;
  requestsSent: number;
  maxRequests: number;
  /** Why the audit stopped before running every check, if it did. */
  stoppedEarly?: "max-requests" | "interrupted";
  /** Checks that ran to the end. */
  checksRun: CheckId[];
  /** Every selected check and how far it got. */
  checks: CheckOutcome[];
  findings: Finding[];
  counts: Record<Severity, number>;
}
