/** Decode (never verify) a JWT's header and payload. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const decode = (s: string) =>
      JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Record<string, unknown>;
    const header = decode(parts[0]!);
    const payload = decode(parts[1]!);
    if (typeof header !== "object" || header === null) return undefined;
    return { header, payload: typeof payload === "object" && payload !== null ? payload : {} };
  } catch {
    return undefined;
  }
}

/** The token from an Authorization value (`Bearer x`), or the value itself. */
export function tokenFromAuth(auth: string): string {
  const m = /^\s*bearer\s+(.+)$/i.exec(auth);
  return (m ? m[1]! : auth).trim();
}
