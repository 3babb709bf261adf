import type { Severity } from "./types.js";

/** Every finding the audit can report: its severities and one line on what it means. */
export const FINDING_CATALOG: Record<string, { severity: Severity[]; meaning: string }> = {
  "origin.spec-path-off-target": {
    severity: ["error"],
    meaning:
      "A spec path (`//host/x`, `/\\host/x`, `/..//host/x`, a URL) would resolve to another host; it was not probed.",
  },
  "origin.flag-off-target": {
    severity: ["error"],
    meaning:
      "A path flag (`--rate-limit-path`) would leave the target; the default was used instead.",
  },
  "origin.request-refused": {
    severity: ["error"],
    meaning:
      "A check built a request for another origin; the guard refused it and nothing was sent.",
  },
  "headers.missing-hsts": {
    severity: ["warning"],
    meaning: "HTTPS endpoint without Strict-Transport-Security.",
  },
  "headers.missing-csp": { severity: ["warning"], meaning: "No Content-Security-Policy header." },
  "headers.missing-nosniff": {
    severity: ["warning"],
    meaning: "No `X-Content-Type-Options: nosniff`.",
  },
  "headers.missing-frame-protection": {
    severity: ["warning"],
    meaning: "Neither X-Frame-Options nor CSP frame-ancestors: responses can be framed.",
  },
  "headers.missing-referrer-policy": {
    severity: ["warning"],
    meaning: "No Referrer-Policy header.",
  },
  "headers.x-powered-by": { severity: ["warning"], meaning: "X-Powered-By names the framework." },
  "headers.server-version": {
    severity: ["warning"],
    meaning: "The Server header carries a version.",
  },
  "cors.wildcard-with-credentials": {
    severity: ["error"],
    meaning: "`*` origin together with credentials.",
  },
  "cors.reflected-origin": {
    severity: ["warning", "error"],
    meaning: "Any Origin is echoed back (error with credentials).",
  },
  "cors.null-origin": { severity: ["warning"], meaning: "The `null` origin is allowed." },
  "cors.broad-preflight": {
    severity: ["warning"],
    meaning: "Preflight allows any method or header from a foreign origin.",
  },
  "methods.trace-enabled": { severity: ["warning"], meaning: "TRACE answers 2xx." },
  "methods.unexpected-accepted": {
    severity: ["warning"],
    meaning: "A method the spec does not declare succeeds.",
  },
  "auth.missing-credential-accepted": {
    severity: ["warning", "error"],
    meaning: "A secured operation answers 2xx without any credential.",
  },
  "auth.expired-token-accepted": {
    severity: ["warning", "error"],
    meaning: "An expired token is accepted.",
  },
  "auth.tampered-token-accepted": {
    severity: ["warning", "error"],
    meaning: "A token whose signature was changed is accepted.",
  },
  "auth.alg-none-accepted": {
    severity: ["warning", "error"],
    meaning: "An unsigned `alg: none` token is accepted.",
  },
  "auth.wrong-status": {
    severity: ["warning"],
    meaning: "A missing or forged credential gets a status other than 401.",
  },
  "auth.jwt-alg-none": { severity: ["error"], meaning: "The --auth JWT itself is unsigned." },
  "auth.jwt-symmetric": {
    severity: ["warning"],
    meaning: "HS* JWT where the spec describes asymmetric signing.",
  },
  "auth.jwt-no-expiry": { severity: ["warning"], meaning: "The --auth JWT has no `exp`." },
  "auth.jwt-long-lifetime": {
    severity: ["warning"],
    meaning: "The --auth JWT lives longer than an hour.",
  },
  "authorization.bola": {
    severity: ["error"],
    meaning: "User B (--auth-b) can read an object user A created or reads (OWASP API1).",
  },
  "authorization.inconclusive": {
    severity: ["info"],
    meaning: "User A could read no object by id, so A and B were not compared.",
  },
  "input-validation.accepted-malformed-json": {
    severity: ["error"],
    meaning: "A malformed JSON body got a 2xx.",
  },
  "input-validation.accepted-missing-required": {
    severity: ["error"],
    meaning: "A body without a required field got a 2xx.",
  },
  "input-validation.accepted-wrong-type": {
    severity: ["error"],
    meaning: "A field of the wrong type got a 2xx.",
  },
  "input-validation.accepted-out-of-range": {
    severity: ["error"],
    meaning: "A value outside its bounds or enum got a 2xx.",
  },
  "input-validation.accepted-extra-property": {
    severity: ["error"],
    meaning: "A property the schema forbids got a 2xx (mass assignment).",
  },
  "input-validation.accepted-wrong-content-type": {
    severity: ["error"],
    meaning: "A JSON body sent as text/plain got a 2xx.",
  },
  "input-validation.accepted-bad-path-param": {
    severity: ["error"],
    meaning: "An invalid path parameter got a 2xx.",
  },
  "input-validation.accepted-bad-query-param": {
    severity: ["error"],
    meaning: "An invalid or missing query parameter got a 2xx.",
  },
  "input-validation.no-body-limit": {
    severity: ["warning"],
    meaning: "A 2 MiB body was accepted.",
  },
  "input-validation.server-error": { severity: ["error"], meaning: "Invalid input caused a 5xx." },
  "input-validation.unexpected-status": {
    severity: ["warning"],
    meaning: "Invalid input got an unusual 4xx.",
  },
  "input-validation.non-json-error": {
    severity: ["warning"],
    meaning: "Invalid input was refused without a JSON error body.",
  },
  "input-validation.leaks-internals": {
    severity: ["error"],
    meaning: "A validation error carries internals.",
  },
  "input-validation.no-response": {
    severity: ["warning"],
    meaning: "Invalid input got no response at all.",
  },
  "input-validation.unauthorized": {
    severity: ["info"],
    meaning: "Negative requests stopped at 401/403.",
  },
  "input-validation.rate-limited": {
    severity: ["info"],
    meaning: "Negative requests stopped at 429 and were not judged.",
  },
  "responses.undocumented-status": {
    severity: ["warning"],
    meaning: "A status code the spec does not document.",
  },
  "responses.undocumented-content-type": {
    severity: ["warning"],
    meaning: "A content type other than the documented one.",
  },
  "responses.schema-mismatch": {
    severity: ["warning", "error"],
    meaning: "A body that does not match the response schema (error for 2xx).",
  },
  "responses.server-error": {
    severity: ["error"],
    meaning: "A valid request failed with a 5xx (501 excepted).",
  },
  "error-leakage.stack-trace": {
    severity: ["error"],
    meaning: "A stack trace (Node, Python, Java, .NET, PHP, Ruby, Go).",
  },
  "error-leakage.debug-page": {
    severity: ["error"],
    meaning: "A framework debug page (Django, Werkzeug, Rails, Spring trace, ASP.NET, PHP).",
  },
  "error-leakage.sql-error": {
    severity: ["error"],
    meaning: "A database error: SQLSTATE, server message, driver or ORM error.",
  },
  "error-leakage.file-path": { severity: ["error"], meaning: "A server file path." },
  "error-leakage.exception-message": {
    severity: ["warning"],
    meaning: "A runtime exception message (TypeError, NullPointerException…).",
  },
  "error-leakage.framework-banner": {
    severity: ["warning"],
    meaning: "A framework's default error page.",
  },
  "error-leakage.version-banner": {
    severity: ["warning"],
    meaning: "A server or platform version in a body.",
  },
  "error-leakage.version-header": {
    severity: ["warning"],
    meaning: "X-AspNet-Version and similar headers.",
  },
  "cookies.missing-attributes": {
    severity: ["warning"],
    meaning: "A cookie without HttpOnly, SameSite or Secure.",
  },
  "rate-limit.active": {
    severity: ["info"],
    meaning: "The burst met a 429: when, and at what rate.",
  },
  "rate-limit.declared": {
    severity: ["info"],
    meaning: "A declared limit above the burst size; not exceeded.",
  },
  "rate-limit.not-enforced": {
    severity: ["warning"],
    meaning: "A declared limit the burst exceeded without a 429.",
  },
  "rate-limit.no-headers": {
    severity: ["warning"],
    meaning: "429 without RateLimit / Retry-After headers.",
  },
  "rate-limit.none": {
    severity: ["warning"],
    meaning: "No 429 and no declared limit after the burst.",
  },
};

export const FINDINGS_DOC = "docs/audit-findings.md";

/** GitHub's heading anchor for a finding id (`headers.missing-csp` → `headersmissing-csp`). */
export function findingAnchor(id: string): string {
  return id.toLowerCase().replace(/[^\w\s-]/g, "");
}

export function docLink(id: string): string {
  return `${FINDINGS_DOC}#${findingAnchor(id)}`;
}
