import type { Check } from "../check-context.js";
import { describeRequest, describeStatus } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { FindingDraft, ProbeRequest } from "../types.js";
import { type ForgedCredential, forgedCredentials } from "./forged-tokens.js";
import { decodeJwt, tokenFromAuth } from "./jwt-inspect.js";
import { validRequest } from "./request-builder.js";

const ACCEPTED_ID: Record<ForgedCredential["kind"], string> = {
  missing: "auth.missing-credential-accepted",
  expired: "auth.expired-token-accepted",
  tampered: "auth.tampered-token-accepted",
  "alg-none": "auth.alg-none-accepted",
};

/**
 * With --auth: for operations the spec secures (GET first), requests with no credential, an expired
 * token, a tampered signature and `alg: none` must each get 401. Without a spec the target is probed,
 * and forged tokens only count where the missing credential was refused. The --auth JWT itself is
 * decoded (never verified) and checked for weak settings.
 */
export const authCheck: Check = async (ctx) => {
  const auth = ctx.options.auth;
  if (!auth) return [];
  const findings: FindingDraft[] = [];
  const base = new URL(ctx.options.target).pathname;
  const allSecured = (ctx.options.operations ?? []).filter((op) => op.secured);
  // Forged credentials go to safe methods when the spec has any: a forged DELETE that works destroys data.
  const gets = allSecured.filter((op) => op.method === "GET");
  const secured = (gets.length ? gets : allSecured).slice(0, 4);
  const probes: Array<{ req: ProbeRequest; secured: boolean }> = secured.length
    ? secured.map((op) => ({
        req: { ...validRequest(base, op, {}), operationId: op.id },
        secured: true,
      }))
    : [{ req: { method: "GET", path: new URL(ctx.options.target).pathname }, secured: false }];
  const reported = new Set<string>();
  for (const probe of probes) {
    // What the real credential gets: a forged one answered the same way (other than 401/403) got through.
    const baseline = await ctx.prober.send({
      ...probe.req,
      headers: { ...probe.req.headers, ...ctx.authHeaders() },
    });
    let missingRefused = false;
    for (const forged of forgedCredentials(auth)) {
      if (forged.kind !== "missing" && !probe.secured && !missingRefused) break;
      const headers = { ...probe.req.headers };
      if (forged.authorization) headers.authorization = forged.authorization;
      const req = { ...probe.req, headers };
      const res = await ctx.prober.send(req);
      if (res.status === undefined) continue;
      if (forged.kind === "missing") missingRefused = res.status === 401 || res.status === 403;
      if (res.status === 401 || res.status === 429) continue;
      const open =
        (res.status >= 200 && res.status < 300) ||
        (res.status === baseline.status && res.status !== 403);
      const id = open ? ACCEPTED_ID[forged.kind] : "auth.wrong-status";
      if (reported.has(id)) continue;
      reported.add(id);
      findings.push({
        id,
        check: "auth",
        severity: open ? (probe.secured ? "error" : "warning") : "warning",
        title: !open
          ? `${req.method} ${req.path} answers ${res.status} (not 401) to ${forged.description}`
          : res.status < 300
            ? `${req.method} ${req.path} accepts ${forged.description}`
            : `${req.method} ${req.path} answers ${forged.description} exactly as the real credential (HTTP ${res.status}), not 401`,
        evidence: {
          request: `${describeRequest(req)} (${forged.description})`,
          response: `${describeStatus(res)}; with the --auth credential: ${describeStatus(baseline)}`,
        },
        fix: open
          ? forged.kind === "missing"
            ? "Require authentication on every operation the spec secures; deny by default."
            : "Verify every token: signature with a pinned algorithm (never `none`), then `exp`, `nbf`, `iss`, `aud`."
          : "Answer a missing or invalid credential with 401 and a WWW-Authenticate header (403 is for a valid credential without permission).",
        reference: REFERENCE.auth,
      });
    }
  }
  const jwt = decodeJwt(tokenFromAuth(auth));
  if (jwt) {
    const alg = String(jwt.header.alg ?? "");
    const evidence = {
      request: "the --auth credential (decoded, not verified)",
      response: `header ${JSON.stringify(jwt.header)}`,
    };
    if (alg.toLowerCase() === "none") {
      findings.push({
        id: "auth.jwt-alg-none",
        check: "auth",
        severity: "error",
        title: "The JWT is unsigned (alg: none)",
        evidence,
        fix: "Reject `alg: none`; pin the accepted algorithms on the verifier.",
        reference: REFERENCE.auth,
      });
    } else if (/^HS/i.test(alg) && ctx.options.expectsAsymmetricJwt) {
      findings.push({
        id: "auth.jwt-symmetric",
        check: "auth",
        severity: "warning",
        title: `The JWT uses ${alg} where the spec describes asymmetric signing`,
        evidence,
        fix: "Sign with RS256/ES256 from the identity provider and verify with its public key; pin the algorithm.",
        reference: REFERENCE.auth,
      });
    }
    const exp = Number(jwt.payload.exp);
    const iat = Number(jwt.payload.iat ?? jwt.payload.nbf);
    if (!Number.isFinite(exp)) {
      findings.push({
        id: "auth.jwt-no-expiry",
        check: "auth",
        severity: "warning",
        title: "The JWT has no expiry (exp)",
        evidence: {
          ...evidence,
          response: `payload claims: ${Object.keys(jwt.payload).join(", ")}`,
        },
        fix: "Issue access tokens with an `exp` at most an hour ahead; refresh with a refresh token.",
        reference: REFERENCE.auth,
      });
    } else if (Number.isFinite(iat) && exp - iat > 3600) {
      findings.push({
        id: "auth.jwt-long-lifetime",
        check: "auth",
        severity: "warning",
        title: `The JWT lives ${Math.round((exp - iat) / 60)} minutes (over one hour)`,
        evidence: { ...evidence, response: `iat ${iat}, exp ${exp}` },
        fix: "Keep access-token lifetimes at one hour or less.",
        reference: REFERENCE.auth,
      });
    }
  }
  return findings;
};
