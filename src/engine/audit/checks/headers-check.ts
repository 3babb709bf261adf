import type { Check } from "../check-context.js";
import { describeRequest, describeStatus, header } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft } from "../types.js";

/** Security headers on a plain GET of the target. */
export const headersCheck: Check = async (ctx) => {
  const url = new URL(ctx.options.target);
  const req = { method: "GET", path: url.pathname + url.search, headers: ctx.authHeaders() };
  const res = await ctx.prober.send(req);
  if (res.status === undefined) return [];
  const findings: FindingDraft[] = [];
  const missing = (
    id: string,
    name: string,
    title: string,
    fix: string,
    severity: FindingDraft["severity"] = "warning",
  ) =>
    findings.push({
      id: `headers.${id}`,
      check: "headers",
      severity,
      title,
      evidence: {
        request: describeRequest(req),
        response: `${describeStatus(res)}, no ${name} header`,
      },
      fix,
      reference: REFERENCE.headers,
    });

  if (url.protocol === "https:" && !header(res, "strict-transport-security")) {
    missing(
      "missing-hsts",
      "Strict-Transport-Security",
      "HSTS is not set on an HTTPS endpoint",
      "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains`.",
    );
  }
  const csp = header(res, "content-security-policy");
  if (!csp) {
    missing(
      "missing-csp",
      "Content-Security-Policy",
      "No Content-Security-Policy",
      "For a JSON API send `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'`.",
    );
  }
  if ((header(res, "x-content-type-options") ?? "").toLowerCase() !== "nosniff") {
    missing(
      "missing-nosniff",
      "X-Content-Type-Options: nosniff",
      "Responses may be MIME-sniffed",
      "Send `X-Content-Type-Options: nosniff` on every response.",
    );
  }
  if (!header(res, "x-frame-options") && !/frame-ancestors/i.test(csp ?? "")) {
    missing(
      "missing-frame-protection",
      "X-Frame-Options or CSP frame-ancestors",
      "Responses can be framed (clickjacking)",
      "Send `X-Frame-Options: DENY` or a CSP with `frame-ancestors 'none'`.",
    );
  }
  if (!header(res, "referrer-policy")) {
    missing(
      "missing-referrer-policy",
      "Referrer-Policy",
      "No Referrer-Policy",
      "Send `Referrer-Policy: no-referrer` (or `strict-origin-when-cross-origin`).",
    );
  }
  const poweredBy = header(res, "x-powered-by");
  if (poweredBy) {
    findings.push({
      id: "headers.x-powered-by",
      check: "headers",
      severity: "warning",
      title: "X-Powered-By reveals the framework",
      evidence: {
        request: describeRequest(req),
        response: `${describeStatus(res)}, X-Powered-By: ${poweredBy}`,
      },
      fix: "Remove the header (Express: `app.disable('x-powered-by')`).",
      reference: REFERENCE.headers,
    });
  }
  const server = header(res, "server");
  if (server && /\d/.test(server)) {
    findings.push({
      id: "headers.server-version",
      check: "headers",
      severity: "warning",
      title: "Server header reveals a version",
      evidence: {
        request: describeRequest(req),
        response: `${describeStatus(res)}, Server: ${server}`,
      },
      fix: "Drop the version from the Server header (or the header altogether) at the proxy or framework.",
      reference: REFERENCE.headers,
    });
  }
  return findings;
};
