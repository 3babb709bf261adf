import { decodeJwt, tokenFromAuth } from "./jwt-inspect.js";

/** A credential the API must refuse with 401, and what is wrong with it. */
export interface ForgedCredential {
  kind: "missing" | "expired" | "tampered" | "alg-none";
  description: string;
  /** The Authorization value to send; undefined sends none. */
  authorization?: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * From the --auth value: no credential at all and, for a bearer token, an expired token, the token
 * with its signature changed, and the token re-issued unsigned (`alg: none`). Without the signing key
 * the expired token keeps the original signature, so an API that verifies tokens refuses it either way.
 */
export function forgedCredentials(
  auth: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): ForgedCredential[] {
  const out: ForgedCredential[] = [{ kind: "missing", description: "no Authorization header" }];
  const bearer = /^\s*bearer\s+/i.test(auth) || decodeJwt(auth.trim()) !== undefined;
  if (!bearer) return out;
  const token = tokenFromAuth(auth);
  const jwt = decodeJwt(token);
  const header = jwt?.header ?? { alg: "HS256", typ: "JWT" };
  const payload = jwt?.payload ?? { sub: "audit" };
  const signature = token.split(".")[2] || "c2lnbmF0dXJl";
  const prefix = "Bearer ";
  out.push({
    kind: "expired",
    description: "a token that expired an hour ago",
    authorization: `${prefix}${b64(header)}.${b64({ ...payload, iat: nowSeconds - 7200, exp: nowSeconds - 3600 })}.${signature}`,
  });
  out.push({
    kind: "tampered",
    description: "the token with its signature changed",
    // The original header and payload bytes, so only the signature is wrong.
    authorization: `${prefix}${jwt ? token.split(".").slice(0, 2).join(".") : `${b64(header)}.${b64(payload)}`}.${tamper(signature)}`,
  });
  out.push({
    kind: "alg-none",
    description: "the token re-issued unsigned (alg: none)",
    authorization: `${prefix}${b64({ ...header, alg: "none" })}.${b64({ ...payload, exp: nowSeconds + 3600 })}.`,
  });
  return out;
}

/** Change a character in the middle (the last one may only carry padding bits that decoders ignore). */
function tamper(signature: string): string {
  const i = Math.floor(signature.length / 2);
  const c = signature[i] === "A" ? "B" : "A";
  return signature.slice(0, i) + c + signature.slice(i + 1);
}
