import { redactConnectionString } from "../shared/redact.js";
import { UserError } from "../shared/user-error.js";
import type { AuditOptions, Check, CheckContext } from "./check-context.js";
import { authCheck } from "./checks/auth-check.js";
import { authorizationCheck } from "./checks/authorization-check.js";
import { cookiesCheck } from "./checks/cookies-check.js";
import { corsCheck } from "./checks/cors-check.js";
import { headersCheck } from "./checks/headers-check.js";
import { leakageCheck } from "./checks/leakage-check.js";
import { methodsCheck } from "./checks/methods-check.js";
import { screenOrigins } from "./checks/origin-check.js";
import { rateLimitCheck } from "./checks/rate-limit-check.js";
import { responsesCheck } from "./checks/responses-check.js";
import { validationCheck } from "./checks/validation-check.js";
import { docLink } from "./finding-catalog.js";
import { Prober, RequestBudgetExhausted } from "./prober.js";
import { OffOriginError } from "./target-origin.js";
import {
  type AuditEvent,
  type AuditReport,
  type CheckId,
  type CheckOutcome,
  type Finding,
  type FindingDraft,
  SEVERITY_RANK,
} from "./types.js";

/**
 * The order matters: the leakage, response and cookie checks read what earlier checks received,
 * and the rate-limit burst goes last so a limiter it trips cannot mask the other checks.
 */
const CHECKS: Array<[CheckId, Check]> = [
  ["headers", headersCheck],
  ["cors", corsCheck],
  ["methods", methodsCheck],
  ["auth", authCheck],
  ["authorization", authorizationCheck],
  ["input-validation", validationCheck],
  ["responses", responsesCheck],
  ["error-leakage", leakageCheck],
  ["cookies", cookiesCheck],
  ["rate-limit", rateLimitCheck],
];

/** Checks a user can select with --only (the origin screen always runs). */
export const CHECK_IDS: CheckId[] = CHECKS.map(([id]) => id);

export interface RunAuditOptions extends AuditOptions {
  maxRequests: number;
  timeoutMs: number;
  spec?: string;
  /** Run only these checks (all by default). */
  only?: CheckId[];
  signal?: AbortSignal;
  onEvent?: (event: AuditEvent) => void;
}

export async function runAudit(options: RunAuditOptions): Promise<AuditReport> {
  const started = Date.now();
  const emit = options.onEvent ?? (() => {});
  const target = redactConnectionString(options.target);
  const hide = maskSecrets(options);
  const prober = new Prober(options.target, {
    mask: hide,
    maxRequests: options.maxRequests,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onRequest: (sent) => emit({ type: "request", sent, max: options.maxRequests }),
  });
  const findings: Finding[] = [];
  const add = (found: FindingDraft[]) => {
    for (const draft of found) {
      const f = {
        ...draft,
        title: hide(draft.title),
        evidence: {
          request: hide(draft.evidence.request),
          response: hide(draft.evidence.response),
        },
        doc: docLink(draft.id),
      };
      emit({ type: "finding", finding: f });
      findings.push(f);
    }
  };
  // Spec paths and flag values that would leave the target are findings, and are dropped before any check runs.
  const screened = screenOrigins(options);
  add(screened.findings);
  const ctx: CheckContext = {
    prober,
    options: { ...options, operations: screened.operations, rateLimitPath: screened.rateLimitPath },
    signal: options.signal,
    authHeaders: () => credentialHeaders(options.target, options.auth),
    authHeadersB: (): Record<string, string> =>
      options.authB ? { authorization: options.authB } : {},
  };
  const checks: CheckOutcome[] = [];
  let stoppedEarly: AuditReport["stoppedEarly"];
  for (const [id, check] of CHECKS) {
    if (options.only && !options.only.includes(id)) continue;
    if (stoppedEarly || options.signal?.aborted) {
      stoppedEarly ??= "interrupted";
      checks.push({ id, status: "not-run", reason: stoppedEarly, requests: 0 });
      continue;
    }
    emit({ type: "check-start", check: id });
    const before = {
      sent: prober.sent,
      timeouts: prober.timeouts,
      truncated: prober.truncated,
      findings: findings.length,
    };
    prober.truncated = false;
    const outcome: CheckOutcome = { id, status: "complete", requests: 0 };
    try {
      const found = await check(ctx);
      const first = prober.exchanges[0];
      if (id === "headers" && first && first.status === undefined) {
        throw new UserError(`cannot reach ${target}: ${first.error ?? "no response"}`, {
          hint: "is the API running, and is the URL right?",
        });
      }
      add(found);
    } catch (error) {
      if (error instanceof RequestBudgetExhausted) {
        stoppedEarly = "max-requests";
      } else if (options.signal?.aborted) {
        stoppedEarly = "interrupted";
      } else if (error instanceof OffOriginError) {
        // A guard, not a path: checks only build URLs from screened values, so this is a bug; nothing was sent.
        outcome.status = "incomplete";
        add([offOriginDraft(id, error)]);
      } else {
        throw error;
      }
    }
    outcome.requests = prober.sent - before.sent;
    if (stoppedEarly) Object.assign(outcome, { status: "incomplete", reason: stoppedEarly });
    else if (prober.truncated)
      Object.assign(outcome, { status: "incomplete", reason: "max-requests" });
    else if (prober.timeouts > before.timeouts)
      Object.assign(outcome, { status: "incomplete", reason: "timeout" });
    prober.truncated ||= before.truncated;
    checks.push(outcome);
    const found = findings.length - before.findings;
    emit({ type: "check-done", check: id, findings: found, status: outcome.status });
  }
  if (!stoppedEarly && prober.truncated) stoppedEarly = "max-requests";
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const counts = { info: 0, warning: 0, error: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    target,
    status: checks.every((c) => c.status === "complete") ? "complete" : "incomplete",
    spec: options.spec,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requestsSent: prober.sent,
    maxRequests: options.maxRequests,
    stoppedEarly,
    checksRun: checks.filter((c) => c.status === "complete").map((c) => c.id),
    checks,
    findings,
    counts,
  };
}

/** The credential for the target: --auth, else the user info of the target URL as Basic auth. */
function credentialHeaders(target: string, auth: string | undefined): Record<string, string> {
  if (auth) return { authorization: auth };
  const url = new URL(target);
  if (!url.username && !url.password) return {};
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { authorization: `Basic ${Buffer.from(pair).toString("base64")}` };
}

/**
 * Replaces the credentials (the --auth and --auth-b values, their tokens, the URL's password) with
 * `***` wherever they show up in a finding: a server that echoes headers must not print them for us.
 */
function maskSecrets(options: RunAuditOptions): (text: string) => string {
  const url = new URL(options.target);
  const secrets = [options.auth, options.authB]
    .flatMap((v) => (v ? [v, v.replace(/^\s*\S+\s+/, "")] : []))
    .concat(url.password ? [url.password, decodeURIComponent(url.password)] : [])
    .filter((s) => s.length >= 6)
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((t, s) => t.split(s).join("***"), text);
}

function offOriginDraft(check: CheckId, error: OffOriginError): FindingDraft {
  return {
    id: "origin.request-refused",
    check: "origin",
    severity: "error",
    title: `The ${check} check built a request that would leave the target; it was not sent`,
    evidence: { request: error.value, response: `not sent: ${error.why}` },
    fix: "Report this as an audit bug; nothing left the target.",
    reference: "references/backend_security_practices.md#http-methods",
  };
}

/**
 * Does the report fail a gate at `level`? Any finding at or above it, and any incomplete run:
 * a check the budget or the timeout cut short has not shown that the API passes.
 */
export function failsGate(report: AuditReport, level: "info" | "warning" | "error"): boolean {
  if (report.status === "incomplete") return true;
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
