import type { ApiModel, ApiOperation } from "../openapi/index.js";

/** How one security scheme's credential travels, as the generated `security.ts` reads it. */
export interface SchemeUse {
  scheme: string;
  type: "bearer" | "basic" | "apiKey";
  in?: "header" | "query" | "cookie";
  name?: string;
}

type Obj = { [key: string]: unknown };
const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function schemeUse(name: string, definition: unknown): SchemeUse | undefined {
  if (!isObject(definition)) return undefined;
  if (definition.type === "apiKey" && typeof definition.name === "string") {
    const where = definition.in;
    if (where === "header" || where === "query" || where === "cookie") {
      return { scheme: name, type: "apiKey", in: where, name: definition.name };
    }
    return undefined;
  }
  if (definition.type === "http") {
    const kind = String(definition.scheme ?? "").toLowerCase();
    if (kind === "bearer" || kind === "basic") return { scheme: name, type: kind };
    return undefined;
  }
  // OAuth 2 and OpenID Connect access tokens arrive as bearer tokens.
  if (definition.type === "oauth2" || definition.type === "openIdConnect") {
    return { scheme: name, type: "bearer" };
  }
  return undefined;
}

/**
 * The operation's security requirements as the generated code enforces them: any one
 * requirement, every scheme within it. Undefined when nothing is enforced: no requirements, an
 * empty (optional) requirement, or a scheme we cannot read from a request (mutual TLS, digest).
 */
export function securityRequirements(op: ApiOperation, model: ApiModel): SchemeUse[][] | undefined {
  if (op.security.length === 0) return undefined;
  const requirements: SchemeUse[][] = [];
  for (const requirement of op.security) {
    const names = Object.keys(requirement);
    if (names.length === 0) return undefined;
    const uses = names.map((n) => schemeUse(n, model.securitySchemes[n]));
    if (uses.some((u) => u === undefined)) return undefined;
    requirements.push(uses as SchemeUse[]);
  }
  return requirements;
}
