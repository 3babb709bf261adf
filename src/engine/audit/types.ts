/** Shapes shared by the audit checks, the runner and the views. */
export type Severity = "info" | "warning" | "error";

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type CheckId =
  | "headers"
  | "cors"
  | "rate-limit"
  | "input-validation"
  | "error-leakage"
  | "methods"
  | "cookies"
  | "auth";

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
}

export interface ProbeRequest {
  method: string;
  /** A path (joined to the audited URL's origin) or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ProbeExchange {
  request: ProbeRequest;
  /** undefined when the request failed at the transport level. */
  status?: number;
  headers: Record<string, string | string[]>;
  /** The response body, cut at the body limit. */
  body: string;
  error?: string;
  timeMs: number;
}

export type AuditEvent =
  | { type: "check-start"; check: CheckId }
  | { type: "check-done"; check: CheckId; findings: number }
  | { type: "request"; sent: number; max: number }
  | { type: "finding"; finding: Finding };

export interface AuditReport {
  target: string;
  spec?: string;
  startedAt: string;
  durationMs: number;
  requestsSent: number;
  maxRequests: number;
  /** Why the audit stopped before running every check, if it did. */
  stoppedEarly?: "max-requests" | "interrupted";
  checksRun: CheckId[];
  findings: Finding[];
  counts: Record<Severity, number>;
}
