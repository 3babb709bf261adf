import type { Check, CheckContext } from "../check-context.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft, ProbeExchange } from "../types.js";
import { findLeak } from "./leakage-patterns.js";
import { type NegativeCase, negativeCases, OVERSIZED_BYTES } from "./negative-cases.js";

/**
 * Input validation: requests that break the contract must be refused with a 4xx in a JSON error body.
 * From the spec when given (breadth first over operations, within the request budget);
 * without one, malformed JSON and an oversized body to the target.
 */
export const validationCheck: Check = async (ctx) => {
  const cases = ctx.options.operations?.length ? specCases(ctx) : targetCases(ctx);
  const findings: FindingDraft[] = [];
  let unauthorized = 0;
  let rateLimited = 0;
  for (const c of cases) {
    const res = await ctx.prober.send(c.request);
    if (res.status === 401 || res.status === 403) {
      unauthorized += 1;
      continue;
    }
    // A limiter answering first says nothing about validation.
    if (res.status === 429) {
      rateLimited += 1;
      continue;
    }
    const finding = judge(c, res);
    if (finding) findings.push(finding);
  }
  if (unauthorized > 0) {
    findings.push({
      id: "input-validation.unauthorized",
      check: "input-validation",
      severity: "info",
      title: `${unauthorized} negative request(s) were refused as unauthorized before validation ran`,
      evidence: { request: "negative requests", response: "HTTP 401/403" },
      fix: "Pass a credential with --auth so the audit reaches the validators.",
      reference: REFERENCE.inputValidation,
    });
  }
  if (rateLimited > 0) {
    findings.push({
      id: "input-validation.rate-limited",
      check: "input-validation",
      severity: "info",
      title: `${rateLimited} negative request(s) got 429 before validation ran; they were not judged`,
      evidence: { request: "negative requests", response: "HTTP 429" },
      fix: "Audit with a limit that allows the audit's requests (or from an allow-listed client) to judge every case.",
      reference: REFERENCE.inputValidation,
    });
  }
  return findings;
};

function specCases(ctx: CheckContext): NegativeCase[] {
  const base = new URL(ctx.options.target).pathname;
  const perOp = (ctx.options.operations ?? []).map((op) =>
    negativeCases(base, op, ctx.authHeaders()),
  );
  // Breadth first: each operation's first case, then each one's second, … so a small budget still covers every operation.
  const out: NegativeCase[] = [];
  for (let i = 0; perOp.some((cases) => i < cases.length); i++) {
    for (const cases of perOp) if (cases[i]) out.push(cases[i]!);
  }
  return out;
}

function targetCases(ctx: CheckContext): NegativeCase[] {
  const url = new URL(ctx.options.target);
  const path = url.pathname + url.search;
  const headers = { ...ctx.authHeaders(), "content-type": "application/json" };
  return [
    {
      operation: `POST ${path}`,
      kind: "malformed-json",
      description: "malformed JSON body",
      accepted: [400, 404, 405, 415, 422],
      request: { method: "POST", path, headers, body: '{"audit": ' },
    },
    {
      operation: `POST ${path}`,
      kind: "oversized-body",
      description: `a ${OVERSIZED_BYTES / 1024 / 1024} MiB body`,
      accepted: [400, 404, 405, 413, 415, 422],
      request: {
        method: "POST",
        path,
        headers,
        body: JSON.stringify({ padding: "x".repeat(OVERSIZED_BYTES) }),
      },
    },
  ];
}

function judge(c: NegativeCase, res: ProbeExchange): FindingDraft | undefined {
  const base = {
    check: "input-validation" as const,
    evidence: {
      request: `${describeRequest(c.request)}  (${c.description})`,
      response: describeStatus(res),
    },
    reference: REFERENCE.inputValidation,
  };
  if (res.status === undefined) {
    // A connection closed on an oversized body is a refusal, if an impolite one.
    if (c.kind === "oversized-body") return undefined;
    return {
      ...base,
      id: "input-validation.no-response",
      severity: "warning",
      title: `${c.operation}: no response to ${c.description}`,
      fix: "Answer invalid input with a 400 error envelope instead of dropping the connection.",
    };
  }
  // 501 is the scaffolded handler stub answering: the invalid request reached the handler.
  if ((res.status >= 200 && res.status < 300) || res.status === 501) {
    return {
      ...base,
      id:
        c.kind === "oversized-body"
          ? "input-validation.no-body-limit"
          : `input-validation.accepted-${c.kind}`,
      severity: c.kind === "oversized-body" ? "warning" : "error",
      title: `${c.operation} accepted ${c.description} (HTTP ${res.status})`,
      fix:
        c.kind === "oversized-body"
          ? "Limit request bodies (e.g. 1 MiB) and answer 413."
          : "Validate path, query, headers and body against the schema before the handler runs; answer 400 with the field.",
    };
  }
  if (res.status >= 500) {
    return {
      ...base,
      id: "input-validation.server-error",
      severity: "error",
      title: `${c.operation} failed with HTTP ${res.status} on ${c.description}`,
      fix: "Validate input before it reaches the handler; invalid input is a 400, never a 500.",
    };
  }
  if (!c.accepted.includes(res.status)) {
    return {
      ...base,
      id: "input-validation.unexpected-status",
      severity: "warning",
      title: `${c.operation} answered ${c.description} with HTTP ${res.status}`,
      fix: `Answer with one of ${c.accepted.join("/")}.`,
    };
  }
  const json = /json/i.test(header(res, "content-type") ?? "") && isJson(res.body);
  if (!json && c.kind !== "oversized-body") {
    return {
      ...base,
      id: "input-validation.non-json-error",
      severity: "warning",
      title: `${c.operation} refused ${c.description} but not with a JSON error body`,
      fix: 'Answer errors in the JSON envelope {"error": {"code", "message", "details"}}.',
    };
  }
  const leak = findLeak(res.body);
  if (leak) {
    return {
      ...base,
      id: "input-validation.leaks-internals",
      severity: "error",
      title: `${c.operation}: the error for ${c.description} reveals ${leak.pattern.label}`,
      fix: "Return the validation details only; keep internals in the logs.",
    };
  }
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
