import type { AuditOptions } from "../check-context.js";
import type { AuditOperation } from "../operations.js";
import { REFERENCE } from "../reference-links.js";
import { OffOriginError, resolveOnTarget, specPathProblem } from "../target-origin.js";
import type { FindingDraft } from "../types.js";
import { joinPath } from "./methods-check.js";

export interface Screened {
  /** The spec's operations whose paths stay on the target. */
  operations?: AuditOperation[];
  /** --rate-limit-path when it stays on the target; dropped otherwise. */
  rateLimitPath?: string;
  findings: FindingDraft[];
}

/**
 * Before any request: every spec path and every path flag must resolve to the target's origin.
 * One that would not (`//host/x`, `/\host/x`, `/..//host/x`, another origin's URL) is a finding,
 * and the operation or flag is dropped, so nothing (and no credential) is ever sent there.
 */
export function screenOrigins(options: AuditOptions): Screened {
  const target = new URL(options.target);
  const findings: FindingDraft[] = [];
  const operations = options.operations?.filter((op) => {
    const problem =
      specPathProblem(op.path) ?? offOrigin(target, joinPath(target.pathname, op.path));
    if (!problem) return true;
    findings.push({
      id: "origin.spec-path-off-target",
      check: "origin",
      severity: "error",
      title: `The spec path ${JSON.stringify(op.path)} (${op.method} ${op.id}) could send requests to another host; it was not probed`,
      evidence: { request: `${op.method} ${op.path}`, response: `not sent: ${problem}` },
      fix: "Write every path as a plain absolute path (`/things/{id}`): no leading //, no backslash, no dot segments, no scheme.",
      reference: REFERENCE.origin,
    });
    return false;
  });
  let rateLimitPath = options.rateLimitPath;
  if (rateLimitPath !== undefined) {
    const problem = offOrigin(target, rateLimitPath);
    if (problem) {
      findings.push({
        id: "origin.flag-off-target",
        check: "origin",
        severity: "error",
        title: `--rate-limit-path ${JSON.stringify(rateLimitPath)} would leave the target; the burst used the default path`,
        evidence: {
          request: `--rate-limit-path ${rateLimitPath}`,
          response: `not sent: ${problem}`,
        },
        fix: `Give a path on the target (e.g. /login) or a URL of ${target.origin}.`,
        reference: REFERENCE.origin,
      });
      rateLimitPath = undefined;
    }
  }
  return { operations, rateLimitPath, findings };
}

function offOrigin(target: URL, value: string): string | undefined {
  try {
    resolveOnTarget(target, value);
    return undefined;
  } catch (error) {
    if (error instanceof OffOriginError) return error.why;
    throw error;
  }
}
