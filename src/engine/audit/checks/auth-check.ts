import type { Check } from "../check-context.js";
import { describeRequest, describeStatus } from "../prober.js";
import { REFERENCE } from "../reference-links.js";
import type { Finding } from "../types.js";
import { decodeJwt, tokenFromAuth } from "./jwt-inspect.js";
import { concretePath } from "./request-builder.js";

/**
 * With --auth: requests without the credential must get 401 where the spec declares security,
 * and a JWT credential is decoded (not verified) and checked for weak settings.
 */
export const authCheck: Check = async (ctx) => {
  const auth = ctx.options.auth;
  if (!auth) return [];
  const findings: Finding[] = [];
  const base = new URL(ctx.options.target).pathname;
  const secured = (ctx.options.operations ?? []).filter(
    (op) => op.secured && op.method.toUpperCase() === "GET",
  );
  const probes = secured.length
    ? secured.slice(0, 10).map((op) => ({ method: "GET", path: concretePath(base, op) }))
    : [{ method: "GET", path: new URL(ctx.options.target).pathname }];
  for (const probe of probes) {
    const res = await ctx.prober.send(probe);
    if (res.status !== undefined && res.status !== 401) {
      const open = res.status >= 200 && res.status < 300;
      findings.push({
        id: open ? "auth.missing-credential-accepted" : "auth.wrong-status-without-credential",
        check: "auth",
        severity: open ? (secured.length ? "error" : "warning") : "info",
        title: open
          ? `${probe.path} answers without the credential`
          : `${probe.path} answers ${res.status} (not 401) without the credential`,
        evidence: {
          request: `${describeRequest(probe)} (no Authorization header)`,
          response: describeStatus(res),
        },
        fix: open
          ? "Require authentication on every operation the spec secures; deny by default."
          : "Answer a missing or invalid credential with 401 and a WWW-Authenticate header.",
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
