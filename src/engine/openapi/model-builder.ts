import {
  type ApiModel,
  type ApiOperation,
  type ApiParam,
  type ApiRequestBody,
  type ApiResponse,
  HTTP_METHODS,
  type JsonSchema,
  type ParamLocation,
} from "./api-model.js";
import { resourceSegment, slug, synthesizeOperationId, uniqueName } from "./identifiers.js";
import type { SpecFiles } from "./spec-files.js";
import { child, type Location, SpecRefs } from "./spec-refs.js";
import type { SpecProblem } from "./spec-validation.js";
import type { OpenApiLine } from "./spec-version.js";

type Obj = { [key: string]: unknown };
const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const LOCATIONS: ParamLocation[] = ["path", "query", "header", "cookie"];
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** Build the scaffold model from a loaded, validated OpenAPI 3.0/3.1 document. */
export function buildModel(
  spec: SpecFiles,
  line: OpenApiLine,
  problems: SpecProblem[] = [],
): ApiModel {
  const doc = spec.files.get(spec.root) as Obj;
  const refs = new SpecRefs(spec, line);
  refs.registerComponents(doc.components, spec.root);
  const info = isObject(doc.info) ? doc.info : {};
  const rootAt: Location = { file: spec.root, pointer: "" };
  const operations: ApiOperation[] = [];
  const ids = new Set<string>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  // Given operationIds are reserved first so a synthesised one never takes them.
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op) && typeof op.operationId === "string") ids.add(op.operationId);
    }
  }
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = refs.deref(rawItem, child(rootAt, "paths", path));
    if (!isObject(item.value)) continue;
    const pathItem = item.value;
    for (const method of HTTP_METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const at = child(item.at, method);
      operations.push(
        buildOperation({ refs, doc, path, method, op, pathItem, itemAt: item.at, at, ids }),
      );
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  refs.breakRefLoops();
  problems.push(...refs.problems);
  return {
    openapiVersion: String(doc.openapi),
    title: typeof info.title === "string" ? info.title : "API",
    version:
      typeof info.version === "string" || typeof info.version === "number"
        ? String(info.version)
        : "0.0.0",
    basePath: basePathOf(doc.servers),
    source: spec.root,
    operations,
    schemas: refs.schemas,
    securitySchemes: isObject(components.securitySchemes) ? components.securitySchemes : {},
  };
}

interface OperationInput {
  refs: SpecRefs;
  doc: Obj;
  path: string;
  method: (typeof HTTP_METHODS)[number];
  op: Obj;
  pathItem: Obj;
  itemAt: Location;
  at: Location;
  ids: Set<string>;
}

function buildOperation(input: OperationInput): ApiOperation {
  const { refs, doc, path, method, op, pathItem, itemAt, at, ids } = input;
  const given = typeof op.operationId === "string" ? op.operationId : undefined;
  const operationId = given ?? uniqueName(synthesizeOperationId(method, path), ids);
  const tags = Array.isArray(op.tags)
    ? op.tags.filter((t): t is string => typeof t === "string")
    : [];
  const params = collectParams(refs, pathItem, itemAt, op, at);
  return {
    operationId,
    synthesizedId: given === undefined,
    method,
    path,
    group: slug(tags[0] ?? resourceSegment(path) ?? "root"),
    tags,
    summary: typeof op.summary === "string" ? op.summary : undefined,
    description: typeof op.description === "string" ? op.description : undefined,
    deprecated: op.deprecated === true,
    params,
    requestBody:
      op.requestBody === undefined || op.requestBody === null
        ? undefined
        : buildBody(refs, op.requestBody, child(at, "requestBody")),
    responses: buildResponses(refs, op.responses, child(at, "responses")),
    security: (Array.isArray(op.security)
      ? op.security
      : Array.isArray(doc.security)
        ? doc.security
        : []) as Array<Record<string, string[]>>,
    pointer: at.pointer,
  };
}

function collectParams(refs: SpecRefs, pathItem: Obj, itemAt: Location, op: Obj, at: Location) {
  const byKey = new Map<string, ApiParam>();
  const add = (list: unknown, listAt: Location) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const { value, at: pAt } = refs.deref(raw, child(listAt, String(i)));
      // Not a parameter object, or one in no known location: the schema check warned; skip it.
      if (!isObject(value) || !LOCATIONS.includes(value.in as ParamLocation)) return;
      const param = buildParam(refs, value, pAt);
      // OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored.
      if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) return;
      byKey.set(
        `${param.in}:${param.in === "header" ? param.name.toLowerCase() : param.name}`,
        param,
      );
    });
  };
  add(pathItem.parameters, child(itemAt, "parameters"));
  add(op.parameters, child(at, "parameters"));
  const params: Record<ParamLocation, ApiParam[]> = { path: [], query: [], header: [], cookie: [] };
  for (const p of byKey.values()) params[p.in].push(p);
  return params;
}

function buildParam(refs: SpecRefs, value: Obj, at: Location): ApiParam {
  const location = value.in as ParamLocation;
  let schema: JsonSchema = {};
  if (value.schema !== undefined) schema = refs.schema(value.schema, child(at, "schema"));
  else if (isObject(value.content)) {
    const [type, media] = Object.entries(value.content)[0] ?? [];
    if (type && isObject(media) && media.schema !== undefined) {
      schema = refs.schema(media.schema, child(at, "content", type, "schema"));
    }
  }
  return {
    name: String(value.name),
    in: location,
    required: location === "path" ? true : value.required === true,
    schema,
    description: typeof value.description === "string" ? value.description : undefined,
    deprecated: value.deprecated === true ? true : undefined,
  };
}

function buildBody(refs: SpecRefs, raw: unknown, rawAt: Location): ApiRequestBody {
  const deref = refs.deref(raw, rawAt);
  const at = deref.at;
  const value = isObject(deref.value) ? deref.value : {};
  const content = isObject(value.content) ? value.content : {};
  const schemasByContentType: Record<string, JsonSchema> = {};
  for (const [type, media] of Object.entries(content)) {
    schemasByContentType[type] =
      isObject(media) && media.schema !== undefined
        ? refs.schema(media.schema, child(at, "content", type, "schema"))
        : {};
  }
  const distinct = [...new Set(Object.values(schemasByContentType).map((s) => JSON.stringify(s)))];
  const schema: JsonSchema =
    distinct.length === 0
      ? {}
      : distinct.length === 1
        ? JSON.parse(distinct[0]!)
        : { anyOf: distinct.map((s) => JSON.parse(s)) };
  return {
    required: value.required === true,
    contentTypes: Object.keys(content),
    schema,
    schemasByContentType,
    description: typeof value.description === "string" ? value.description : undefined,
  };
}

function buildResponses(refs: SpecRefs, raw: unknown, at: Location): ApiResponse[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([status, rawResponse]) => {
    const { value, at: rAt } = refs.deref(rawResponse, child(at, status));
    const response = isObject(value) ? value : {};
    const content = isObject(response.content) ? response.content : {};
    const [contentType, media] = Object.entries(content)[0] ?? [];
    const schema =
      contentType && isObject(media) && media.schema !== undefined
        ? refs.schema(media.schema, child(rAt, "content", contentType, "schema"))
        : undefined;
    return {
      status,
      description: typeof response.description === "string" ? response.description : "",
      contentType,
      schema,
    };
  });
}

/**
 * The path part of the first server URL (`https://api.example.com/v1/` → `/v1`), with server
 * variables replaced by their defaults; `""` when there is none or it is the root.
 */
export function basePathOf(servers: unknown): string {
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first) || typeof first.url !== "string") return "";
  const variables = isObject(first.variables) ? first.variables : {};
  const url = first.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name];
    return isObject(variable) && variable.default !== undefined ? String(variable.default) : "";
  });
  let path: string;
  try {
    path = new URL(url, "http://localhost").pathname;
  } catch {
    return "";
  }
  const trimmed = decodeURI(path)
    .replace(/\/+$/, "")
    .replace(/\/{2,}/g, "/");
  return /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(trimmed) ? trimmed : "";
}
