/** `security.ts` of the generated app (tool-owned): finds credentials, asks auth.ts, answers 401. */
export const securitySource = `import { authenticate } from "./auth.js";
import { ApiError } from "./envelope.js";
import type { SecurityScheme } from "./schemas.js";

/** A credential found in a request, for \`authenticate\` in auth.ts to judge. */
export interface Credential {
  /** The security scheme's name in the spec, e.g. \`bearerAuth\`. */
  scheme: string;
  type: SecurityScheme["type"];
  /** The bearer token, the API key, or \`user:password\` for basic auth. */
  value: string;
}

/** Where credentials are looked for (raw request values). */
export interface CredentialSources {
  headers: Record<string, unknown>;
  query: Record<string, unknown>;
  cookies: Record<string, unknown>;
}

function find(scheme: SecurityScheme, from: CredentialSources): Credential | undefined {
  if (scheme.type === "apiKey") {
    const name = scheme.name ?? "";
    let value = from.headers[name.toLowerCase()];
    if (scheme.in === "query") value = from.query[name];
    if (scheme.in === "cookie") value = from.cookies[name];
    if (typeof value !== "string" || !value) return undefined;
    return { scheme: scheme.scheme, type: "apiKey", value };
  }
  const header = from.headers.authorization;
  if (typeof header !== "string") return undefined;
  const [kind = "", token = ""] = header.trim().split(/\\s+/, 2);
  if (!token || kind.toLowerCase() !== scheme.type) return undefined;
  const value = scheme.type === "basic" ? Buffer.from(token, "base64").toString("utf8") : token;
  return { scheme: scheme.scheme, type: scheme.type, value };
}

/**
 * Check a request against its operation's security requirements (any one requirement, every
 * scheme within it) and return the caller \`authenticate\` vouched for. Missing or refused
 * credentials answer 401 UNAUTHORIZED before the request is validated.
 */
export async function checkSecurity(
  requirements: SecurityScheme[][],
  from: CredentialSources,
): Promise<unknown> {
  let offered = false;
  for (const requirement of requirements) {
    const credentials = requirement.map((scheme) => find(scheme, from));
    if (!credentials.every((c): c is Credential => c !== undefined)) continue;
    offered = true;
    const principal = await authenticate(credentials);
    if (principal !== undefined) return principal;
  }
  if (offered) throw new ApiError(401, "UNAUTHORIZED", "The credentials were refused");
  const wanted = requirements.map((r) => r.map((s) => s.scheme).join(" + ")).join(" or ");
  throw new ApiError(401, "UNAUTHORIZED", \`Send credentials: \${wanted}\`);
}
`;

/** `auth.ts` (user-owned, created once): deny by default until the user decides who may call. */
export const authSource = `import type { Credential } from "./security.js";

/**
 * Decide who is calling. Operations the spec secures pass the credentials they found here (a
 * bearer token, an API key, or \`user:password\` for basic auth). Return the caller — a user
 * record, a token's verified claims, anything but \`undefined\` — to let the request through
 * (handlers get it as \`context.principal\`), or \`undefined\` to answer 401.
 *
 * Until you write this, every credential is refused.
 */
export async function authenticate(_credentials: Credential[]): Promise<unknown> {
  return undefined;
}
`;
