import type { Check } from "../check-context.js";
import { describeRequest } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft } from "../types.js";

/** Every cookie the API set during the audit needs Secure (on https), HttpOnly and SameSite. */
export const cookiesCheck: Check = async (ctx) => {
  const https = new URL(ctx.options.target).protocol === "https:";
  const findings: FindingDraft[] = [];
  const seen = new Set<string>();
  for (const ex of ctx.prober.exchanges) {
    const raw = ex.headers["set-cookie"];
    const cookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const cookie of cookies) {
      const name = cookie.split("=")[0]!.trim();
      if (seen.has(name)) continue;
      seen.add(name);
      const attrs = cookie.split(";").map((a) => a.trim().toLowerCase());
      const missing: string[] = [];
      if (!attrs.includes("httponly")) missing.push("HttpOnly");
      if (!attrs.some((a) => a.startsWith("samesite"))) missing.push("SameSite");
      if (!attrs.includes("secure") && https) missing.push("Secure");
      if (missing.length === 0) continue;
      findings.push({
        id: "cookies.missing-attributes",
        check: "cookies",
        severity: "warning",
        title: `Cookie ${name} lacks ${missing.join(", ")}`,
        evidence: {
          request: describeRequest(ex.request),
          response: `Set-Cookie: ${cookie.replace(/=([^;]{8})[^;]*/, "=$1…")}`,
        },
        fix: `Set the cookie with ${["HttpOnly", "SameSite=Lax (or Strict)", "Secure"].join("; ")}.`,
        reference: REFERENCE.cookies,
      });
    }
  }
  return findings;
};
