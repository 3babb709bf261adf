import { basename } from "node:path";
import type { ApiModel, ApiOperation } from "../openapi/index.js";
import { camelCase, pascalCase, uniqueName } from "../openapi/index.js";
import { type HandlerManifest, operationKey } from "./handler-manifest.js";
import type { Framework } from "./scaffold-options.js";
import { definitionOrder, type TypeNames } from "./ts-types.js";

/** Every name one operation gets in the generated code. */
export interface OperationNames {
  op: ApiOperation;
  /** Handler function (the operationId when it is an identifier, case kept). */
  handler: string;
  /** `<Op>Input` and `<Op>Result` type names. */
  input: string;
  result: string;
  /** `<Op>Responses`: every documented response by status. */
  responses: string;
  /** Const in schemas.ts holding the request schemas. */
  requestSchema: string;
  /** `handlers/<group>/<handler>.ts` */
  handlerFile: string;
}

export interface RouteGroup {
  name: string;
  /** `routes/<group>.ts` */
  file: string;
  /** Exported router / plugin name, e.g. `petsRoutes`. */
  exportName: string;
  operations: OperationNames[];
}

export interface EmitPlan {
  model: ApiModel;
  framework: Framework;
  /** The spec's file name (for file headers), or the model's source description. */
  sourceName: string;
  typeNames: TypeNames;
  /** Named schemas in definition order (dependencies first). */
  schemaOrder: string[];
  operations: OperationNames[];
  groups: RouteGroup[];
}

/**
 * Every name of the generated code. An operation the manifest knows (by method and path) keeps
 * its handler name and file; the names the manifest records stay taken, so a new operation never
 * gets the file written for another one.
 */
export function planNames(
  model: ApiModel,
  framework: Framework,
  manifest: HandlerManifest = new Map(),
): EmitPlan {
  const taken = new Set<string>(["ApiError", "HandlerContext", "HandlerResult", "JsonSchema"]);
  const typeNames: TypeNames = new Map();
  for (const name of Object.keys(model.schemas))
    typeNames.set(name, uniqueName(pascalCase(name), taken));
  const handlers = new Set<string>([...manifest.values()].map((r) => r.handler));
  const values = new Set<string>();
  const operations = model.operations.map((op): OperationNames => {
    const known = manifest.get(operationKey(op));
    const handler = known?.handler ?? uniqueName(camelCase(op.operationId), handlers);
    const base = pascalCase(op.operationId);
    return {
      op,
      handler,
      input: uniqueName(`${base}Input`, taken),
      result: uniqueName(`${base}Result`, taken),
      responses: uniqueName(`${base}Responses`, taken),
      requestSchema: uniqueName(`${handler}Request`, values),
      handlerFile: known?.file ?? `handlers/${op.group}/${handler}.ts`,
    };
  });
  const byGroup = new Map<string, OperationNames[]>();
  for (const names of operations) {
    const list = byGroup.get(names.op.group) ?? [];
    list.push(names);
    byGroup.set(names.op.group, list);
  }
  const exports = new Set<string>();
  const groups = [...byGroup.entries()].map(([name, ops]) => ({
    name,
    file: `routes/${name}.ts`,
    exportName: uniqueName(`${camelCase(name)}Routes`, exports),
    operations: ops,
  }));
  return {
    model,
    framework,
    sourceName: model.source.includes("/") ? basename(model.source) : model.source,
    typeNames,
    schemaOrder: definitionOrder(model.schemas),
    operations,
    groups,
  };
}

/** The success statuses a handler may return, as numbers, or `number` for ranges like `2XX`. */
export function successResponses(op: ApiOperation) {
  const ok = op.responses.filter((r) => /^2/.test(r.status));
  if (ok.length > 0) return ok;
  const fallback = op.responses.find((r) => r.status === "default");
  return fallback ? [{ ...fallback, status: "200" }] : [];
}

/**
 * Fastify route path (find-my-way): find-my-way reads `-` as the end of a parameter name, so names
 * that are not identifiers get one in the URL (`{thing-id}` → `:thingId`); `renames` maps them
 * back. A literal `:` is written `::`. A parameter followed by text other than `/` (OData's
 * `Businesses({key})`) gets a pattern that stops before that text.
 */
export function fastifyPath(path: string): { url: string; renames: Record<string, string> } {
  const renames: Record<string, string> = {};
  const taken = new Set<string>();
  const parts = path.split(/(\{[^}]+\})/);
  const url = parts
    .map((part, i) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/:/g, "::");
      let safe = name;
      if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) {
        safe = uniqueName(camelCase(name), taken);
        renames[safe] = name;
      }
      const after = parts[i + 1] ?? "";
      return after === "" || after.startsWith("/") ? `:${safe}` : `:${safe}(^[A-Za-z0-9_.~%-]+)`;
    })
    .join("");
  return { url, renames };
}

/**
 * Express/Koa route path (path-to-regexp 8) from an OpenAPI path: `/pets/{petId}` → `/pets/:petId`.
 * Characters path-to-regexp reads as syntax are escaped where the spec means them literally:
 * `/odata/Businesses({key})` → `/odata/Businesses\(:key\)`, `/items:batchGet` → `/items\:batchGet`.
 */
export function colonPath(path: string, quoteOdd: boolean): string {
  return path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part)?.[1];
      // Requests arrive percent-encoded (`<` as `%3C`), and Express and Koa match them as they arrive.
      if (param === undefined) return encodeURI(part).replace(/[()[\]?+!*:\\]/g, "\\$&");
      return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(param) || !quoteOdd ? `:${param}` : `:"${param}"`;
    })
    .join("");
}
