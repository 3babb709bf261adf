import type { ErrorKind } from "./types.js";

const TIMEOUT = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "ETIMEDOUT",
]);
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNABORTED", "UND_ERR_CLOSED"]);
const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME"]);
const TLS_CODES = new Set([
  "EPROTO",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
]);

/** Classify a transport error (undici or socket) into the kinds a report counts. */
export function classifyError(error: unknown): ErrorKind {
  const e = error as { code?: string; cause?: { code?: string }; message?: string };
  const code = e?.code ?? "";
  const causeCode = e?.cause?.code ?? "";
  for (const c of [causeCode, code]) {
    if (!c) continue;
    if (c === "ECONNREFUSED") return "refused";
    if (TIMEOUT.has(c)) return "timeout";
    if (DNS.has(c)) return "dns";
    if (
      TLS_CODES.has(c) ||
      c.startsWith("ERR_TLS") ||
      c.startsWith("ERR_SSL") ||
      c.includes("CERT")
    )
      return "tls";
    if (c.startsWith("HPE_") || c === "UND_ERR_INFO" || c === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH")
      return "bad_response";
    if (RESET.has(c)) return "reset";
  }
  const message = e?.message ?? "";
  if (/parse|invalid|malformed|response does not match/i.test(message)) return "bad_response";
  if (/other side closed|socket hang up|reset/i.test(message)) return "reset";
  if (/timeout/i.test(message)) return "timeout";
  return "other";
}

export const ERROR_LABELS: Record<ErrorKind, string> = {
  refused: "connection refused",
  reset: "connection reset",
  timeout: "timeout",
  tls: "TLS error",
  dns: "DNS lookup failed",
  bad_response: "bad response",
  other: "other error",
};
