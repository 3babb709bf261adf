import { basename, extname } from "node:path";
import { HTTP_METHODS } from "./model.js";
import type { Endpoint } from "./route-graph.js";
import type { JsonValue } from "./static-value.js";

type JsonObject = { [key: string]: JsonValue };

export interface OpenApiDocumentOptions {
  title?: string;
  version?: string;
}

const GENERIC_FILES = new Set([
  "index",
  "app",
  "server",
  "main",
  "routes",
  "router",
  "plugin",
  "plugins",
]);

/** `/users/:id(\\d+)` → `/users/{id}`, with the names of its path parameters. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path
    .split("/")
    .map((segment) => {
      if (segment === "*") {
        params.push("wildcard");
        return "{wildcard}";
      }
      // :id, :id(\\d+), :id?, and path-to-regexp 8's quoted :"odd-name"
      return segment.replace(
        /:(?:"([^"]+)"|([A-Za-z_$][\w$]*))(\([^)]*\))?\??/g,
        (_m, quoted: string | undefined, plain: string | undefined) => {
          const name = quoted ?? plain ?? "";
          params.push(name);
          return `{${name}}`;
        },
      );
    })
    .join("/");
  return { path: converted, params };
}

/** An OpenAPI 3.1 document for the endpoints found in the code. */
export function openApiFromEndpoints(
  endpoints: Endpoint[],
  options: OpenApiDocumentOptions = {},
  componentSchemas: Record<string, JsonValue> = {},
): JsonObject {
  const paths: Record<string, JsonObject> = {};
  const usedIds = new Set<string>();
  const sorted = [...endpoints].sort(
    (a, b) =>
      openApiPath(a.path).path.localeCompare(openApiPath(b.path).path) ||
      HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method),
  );
  for (const endpoint of sorted) {
    const { path, params } = openApiPath(endpoint.path);
    const item = paths[path] ?? {};
    paths[path] = item;
    item[endpoint.method] = operation(endpoint, path, params, usedIds);
  }
  const document: JsonObject = {
    openapi: "3.1.0",
    info: { title: options.title ?? "API", version: options.version ?? "0.1.0" },
    paths,
  };
  if (Object.keys(componentSchemas).length > 0) document.components = { schemas: componentSchemas };
  return document;
}

function operation(
  endpoint: Endpoint,
  path: string,
  pathParams: string[],
  usedIds: Set<string>,
): JsonObject {
  const schema = endpoint.schema ?? {};
  const op: JsonObject = {
    operationId: uniqueId(endpoint.operationId ?? derivedId(endpoint.method, path), usedIds),
    tags: [tagOf(endpoint, path)],
  };
  const parameters: JsonValue[] = pathParams.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: propertySchema(schema.params, name) ?? { type: "string" },
  }));
  parameters.push(...objectParameters(schema.querystring, "query"));
  parameters.push(...objectParameters(schema.headers, "header"));
  parameters.push(...objectParameters(schema.cookies, "cookie"));
  if (parameters.length > 0) op.parameters = parameters;
  if (schema.bodyContent) {
    const content: JsonObject = {};
    for (const [type, body] of Object.entries(schema.bodyContent)) content[type] = { schema: body };
    op.requestBody = { required: schema.bodyRequired ?? false, content };
  } else if (schema.body !== undefined) {
    op.requestBody = {
      required: schema.bodyRequired ?? true,
      content: { "application/json": { schema: schema.body } },
    };
  }
  op.responses = responses(endpoint, schema.response);
  return op;
}

function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

function propertySchema(objectSchema: JsonValue | undefined, name: string): JsonValue | undefined {
  return asObject(asObject(objectSchema)?.properties)?.[name];
}

function objectParameters(objectSchema: JsonValue | undefined, location: string): JsonValue[] {
  const properties = asObject(asObject(objectSchema)?.properties);
  if (!properties) return [];
  const required = asObject(objectSchema)?.required;
  const requiredNames = Array.isArray(required) ? required : [];
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: location,
    required: requiredNames.includes(name),
    schema,
  }));
}

function responses(endpoint: Endpoint, declared: JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [status, schema] of Object.entries(asObject(declared) ?? {})) {
    const code = /^[1-5](\d\d|XX)$/i.test(status)
      ? status.toUpperCase()
      : status === "default"
        ? "default"
        : undefined;
    if (!code) continue;
    const description = asObject(schema)?.description;
    out[code] = {
      description: typeof description === "string" ? description : "Response",
      content: { "application/json": { schema } },
    };
  }
  if (Object.keys(out).length > 0) return out;
  const status = endpoint.method === "post" ? "201" : endpoint.method === "delete" ? "204" : "200";
  return { [status]: { description: "Successful response" } };
}

function tagOf(endpoint: Endpoint, path: string): string {
  const file = basename(endpoint.file, extname(endpoint.file));
  if (!GENERIC_FILES.has(file)) return file;
  const segment = path.split("/").find((s) => s && !s.startsWith("{") && !/^v\d+$/.test(s));
  return segment ?? "default";
}

function derivedId(method: string, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? `By ${s.slice(1, -1)}` : s))
    .join(" ")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1));
  return `${method}${words.join("")}`;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let i = 2; used.has(candidate); i++) candidate = `${id}${i}`;
  used.add(candidate);
  return candidate;
}
