import { UserError } from "../shared/user-error.js";
import type { AuditOptions, Check, CheckContext } from "./check-context.js";
import { authCheck } from "./checks/auth-check.js";
import { cookiesCheck } from "./checks/cookies-check.js";
import { corsCheck } from "./checks/cors-check.js";
import { headersCheck } from "./checks/headers-check.js";
import { leakageCheck } from "./checks/leakage-check.js";
import { methodsCheck } from "./checks/methods-check.js";
import { rateLimitCheck } from "./checks/rate-limit-check.js";
import { validationCheck } from "./checks/validation-check.js";
import { Prober, RequestBudgetExhausted } from "./prober.js";
import {
  type AuditEvent,
  type AuditReport,
  type CheckId,
  type Finding,
  SEVERITY_RANK,
} from "./types.js";

/**
 * The order matters: the leakage and cookie checks read what earlier checks received,
 * and the rate-limit burst goes last so a limiter it trips cannot mask the other checks.
 */
const CHECKS: Array<[CheckId, Check]> = [
  ["headers", headersCheck],
  ["cors", corsCheck],
  ["methods", methodsCheck],
  ["auth", authCheck],
  ["input-validation", validationCheck],
  ["error-leakage", leakageCheck],
  ["cookies", cookiesCheck],
  ["rate-limit", rateLimitCheck],
];

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
  const prober = new Prober(options.target, {
    maxRequests: options.maxRequests,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onRequest: (sent) => emit({ type: "request", sent, max: options.maxRequests }),
  });
  const ctx: CheckContext = {
    prober,
    options,
    signal: options.signal,
    authHeaders: (): Record<string, string> =>
      options.auth ? { authorization: options.auth } : {},
  };
  const findings: Finding[] = [];
  const checksRun: CheckId[] = [];
  let stoppedEarly: AuditReport["stoppedEarly"];
  for (const [id, check] of CHECKS) {
    if (options.only && !options.only.includes(id)) continue;
    if (options.signal?.aborted) {
      stoppedEarly = "interrupted";
      break;
    }
    emit({ type: "check-start", check: id });
    try {
      const found = await check(ctx);
      const first = prober.exchanges[0];
      if (id === "headers" && first && first.status === undefined) {
        throw new UserError(`cannot reach ${options.target}: ${first.error ?? "no response"}`, {
          hint: "is the API running, and is the URL right?",
        });
      }
      for (const f of found) emit({ type: "finding", finding: f });
      findings.push(...found);
      checksRun.push(id);
      emit({ type: "check-done", check: id, findings: found.length });
    } catch (error) {
      if (error instanceof RequestBudgetExhausted) {
        stoppedEarly = "max-requests";
        break;
      }
      if (options.signal?.aborted) {
        stoppedEarly = "interrupted";
        break;
      }
      throw error;
    }
  }
  if (!stoppedEarly && prober.truncated) stoppedEarly = "max-requests";
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const counts = { info: 0, warning: 0, error: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    target: options.target,
    spec: options.spec,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requestsSent: prober.sent,
    maxRequests: options.maxRequests,
    stoppedEarly,
    checksRun,
    findings,
    counts,
  };
}

/** Does the report fail a gate at `level` (any finding at or above it)? */
export function failsGate(report: AuditReport, level: "warning" | "error"): boolean {
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
