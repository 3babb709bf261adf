import { child, children, propertyKey, unwrap } from "./ast.js";
import { expressValidatorSchema } from "./express-validator-schema.js";
import type { DeclaredRoute, Lazy } from "./model.js";
import type { Project } from "./project.js";
import type { RouteSchema } from "./route-schema.js";
import { type JsonValue, staticValue } from "./static-value.js";
import { zodSchema } from "./zod-schema.js";

export type { RouteSchema } from "./route-schema.js";

const SCHEMA_KEYS = ["params", "querystring", "query", "headers", "cookies", "body", "response"];
const MAX_CALL_DEPTH = 3;

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The schemas a route declares: Fastify's `schema` option (also through a helper call such as
 * `routeSchema(getPetRequest)`), or the first validator argument that holds a schema object
 * (`validate(createUserSchema)`, the scaffolded `RequestSchemas` constants).
 */
export function routeSchema(project: Project, route: DeclaredRoute): RouteSchema | undefined {
  const candidates = route.schema ? [route.schema, ...route.middleware] : route.middleware;
  for (const candidate of candidates) {
    const found = schemaIn(project, candidate, 0);
    if (found) return found;
  }
  for (const candidate of route.middleware) {
    const found = zodIn(project, candidate, 0);
    if (found) return found;
  }
  return expressValidatorSchema(project, route.middleware);
}

/**
 * A zod schema among the middleware: `validate(createUser)`, `validateBody(z.object(…))`,
 * `zValidator("json", schema)` (taken as the body), or `validate({ body, query, params })`.
 */
function zodIn(project: Project, lazy: Lazy, depth: number): RouteSchema | undefined {
  const direct = zodSchema(project, lazy);
  if (direct) return { body: direct.schema };
  const node = unwrap(lazy.expr);
  if (node?.type === "ObjectExpression") {
    const out: RouteSchema = {};
    for (const prop of children(node, "properties")) {
      const key = prop.type === "Property" ? propertyKey(prop) : undefined;
      const value = child(prop, "value");
      const part = key === "query" ? "querystring" : key;
      if (!value || !part || !["body", "querystring", "params", "headers"].includes(part)) continue;
      const found = zodSchema(project, { expr: value, scope: lazy.scope });
      if (found) out[part as "body"] = found.schema;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (node?.type !== "CallExpression" || depth >= MAX_CALL_DEPTH) return undefined;
  for (const arg of children(node, "arguments")) {
    const found = zodIn(project, { expr: arg, scope: lazy.scope }, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function schemaIn(project: Project, lazy: Lazy, depth: number): RouteSchema | undefined {
  const value = staticValue(project, lazy);
  const direct = asRouteSchema(value);
  if (direct) return direct;
  if (isObject(value) && "schema" in value) {
    const nested = asRouteSchema(value.schema);
    if (nested) return nested;
  }
  const call = unwrap(lazy.expr);
  if (call?.type !== "CallExpression" || depth >= MAX_CALL_DEPTH) return undefined;
  for (const arg of children(call, "arguments")) {
    const found = schemaIn(project, { expr: arg, scope: lazy.scope }, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function asRouteSchema(value: JsonValue | undefined): RouteSchema | undefined {
  if (!isObject(value) || !SCHEMA_KEYS.some((k) => k in value)) return undefined;
  const out: RouteSchema = {};
  if (value.params !== undefined) out.params = value.params;
  const query = value.querystring ?? value.query;
  if (query !== undefined) out.querystring = query;
  if (value.headers !== undefined) out.headers = value.headers;
  if (value.cookies !== undefined) out.cookies = value.cookies;
  const body = value.body;
  if (
    isObject(body) &&
    "bodyRequired" in value &&
    Object.keys(body).every((k) => k.includes("/"))
  ) {
    out.bodyContent = body;
  } else if (body !== undefined) out.body = body;
  if (typeof value.bodyRequired === "boolean") out.bodyRequired = value.bodyRequired;
  if (value.response !== undefined) out.response = value.response;
  return out;
}
