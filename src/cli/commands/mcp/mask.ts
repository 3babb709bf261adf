import { redactConnectionString, redactSecretsInText } from "../../../engine/shared/index.js";

/** Keys whose values are credentials wherever they appear in a result. */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|token|api[-_]?key|x-api-key|auth)$/i;

/** `Authorization: Bearer …` and friends inside free text (e.g. a header line echoed back). */
const SECRET_HEADER_LINE =
  /\b(authorization|proxy-authorization|cookie|x-api-key)(\s*[:=]\s*)([^\r\n,;]+)/gi;

/** Bearer/Basic credentials, wherever they sit in a string. */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;

export function maskText(text: string): string {
  let out = redactSecretsInText(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(out) || /password\s*=/i.test(out)) {
    out = redactConnectionString(out);
  }
  return out
    .replace(SECRET_HEADER_LINE, (_m, name: string, sep: string) => `${name}${sep}***`)
    .replace(SCHEME_CREDENTIAL, (_m, scheme: string) => `${scheme} ***`);
}

/**
 * A deep copy of `value` with every secret masked: values under credential-named keys become
 * `***`, and strings lose URL passwords and bearer tokens. Depth and size are bounded.
 */
export function maskSecrets<T>(value: T, depth = 0): T {
  if (depth > 64) return "…" as T;
  if (typeof value === "string") return maskText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1)) as T;
  if (value && typeof value === "object") {
    if (value instanceof Date) return value.toISOString() as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_KEY.test(k) && v !== undefined && v !== null && v !== ""
          ? "***"
          : maskSecrets(v, depth + 1);
    }
    return out as T;
  }
  return value;
}
