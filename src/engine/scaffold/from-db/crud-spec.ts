import { pascalCase, slug, uniqueName } from "../../openapi/index.js";
import { expressChecks } from "./check-constraints.js";
import { columnSchema, textParamSchema } from "./column-schema.js";
import type { CrudColumn, CrudTable } from "./crud-table.js";

export type CrudKind = "list" | "get" | "create" | "update" | "delete";

/** One generated operation and what it works on. */
export interface CrudOperation {
  operationId: string;
  kind: CrudKind;
  table: CrudTable;
  /** Name of the row schema (and of its generated type). */
  rowType: string;
  /** File-safe name of the table, for `crud/<module>.ts`. */
  module: string;
  /** The collection path, e.g. `/users`. */
  basePath: string;
  /** Indexed columns the list operation filters on (query parameters of the same name). */
  filters: CrudColumn[];
}

export interface CrudSpec {
  document: Record<string, unknown>;
  operations: Map<string, CrudOperation>;
  /** Tables without a primary key: they get a list route only. */
  readOnlyTables: string[];
  /** CHECK constraints (table: definition) left to the database. */
  unexpressedChecks: string[];
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const RESERVED_QUERY = new Set(["limit", "cursor", "offset"]);

/** An OpenAPI 3.1 document with CRUD operations for each table (list only without a primary key). */
export function crudSpec(tables: CrudTable[], title: string): CrudSpec {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  const operations = new Map<string, CrudOperation>();
  const readOnlyTables: string[] = [];
  const unexpressedChecks: string[] = [];
  // Type names the generated code already uses; a table's schema names never take them.
  const takenNames = new Set([
    "ApiError",
    "HandlerContext",
    "HandlerResult",
    "JsonSchema",
    "ErrorDetail",
  ]);
  const takenPaths = new Set<string>();
  for (const table of tables) {
    const qualified = `${table.schema}.${table.name}`;
    const name = uniqueName(
      pascalCase(table.schema === "public" ? table.name : `${table.schema}_${table.name}`),
      takenNames,
    );
    const module = slug(table.schema === "public" ? table.name : `${table.schema}-${table.name}`);
    const checks = expressChecks(table.checks);
    unexpressedChecks.push(...checks.unexpressed.map((c) => `${qualified}: ${c}`));
    const schemaOf = (column: CrudColumn) => ({
      ...(columnSchema(column) as Record<string, unknown>),
      ...checks.keywords.get(column.name),
    });
    const writable = table.columns.filter((c) => !c.generated);
    const keyColumns = table.primaryKey.map(
      (k) => table.columns.find((c) => c.name === k) as CrudColumn,
    );
    schemas[name] = {
      type: "object",
      description: `A row of ${qualified}.`,
      properties: Object.fromEntries(table.columns.map((c) => [c.name, schemaOf(c)])),
      required: table.columns.map((c) => c.name),
    };
    // A single-column key is looked up with GET /<table>/{key}, not filtered on.
    const soleKey = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
    const filters = table.columns.filter(
      (c) =>
        table.indexedColumns.includes(c.name) &&
        c.name !== soleKey &&
        !RESERVED_QUERY.has(c.name) &&
        isFilterable(c),
    );
    const base = uniqueName(
      table.schema === "public"
        ? `/${urlSegment(table.name)}`
        : `/${urlSegment(table.schema)}/${urlSegment(table.name)}`,
      takenPaths,
    );
    const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
    const json = (schema: unknown) => ({ "application/json": { schema } });
    const add = (
      kind: CrudKind,
      method: string,
      path: string,
      operation: Record<string, unknown>,
    ) => {
      const operationId = `${kind}${name}`;
      operations.set(operationId, {
        operationId,
        kind,
        table,
        filters,
        rowType: name,
        module,
        basePath: base,
      });
      paths[path] ??= {};
      paths[path][method] = { operationId, tags: [table.name], ...operation };
    };
    const hasKey = keyColumns.length > 0;
    if (hasKey) {
      schemas[`${name}Page`] = {
        type: "object",
        properties: {
          items: { type: "array", items: ref(name) },
          nextCursor: {
            type: ["string", "null"],
            description: "Pass as `cursor` for the next page.",
          },
        },
        required: ["items", "nextCursor"],
      };
    } else {
      readOnlyTables.push(qualified);
      schemas[`${name}Page`] = {
        type: "object",
        properties: { items: { type: "array", items: ref(name) } },
        required: ["items"],
      };
    }
    add("list", "get", base, {
      summary: `List ${qualified}${hasKey ? " (keyset pagination on the primary key)" : ""}`,
      parameters: [
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
        },
        hasKey
          ? {
              name: "cursor",
              in: "query",
              required: false,
              schema: { type: "string", maxLength: 2048 },
            }
          : {
              name: "offset",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 0 },
            },
        ...filters.map((c) => ({
          name: c.name,
          in: "query",
          required: false,
          schema: textParamSchema(c),
        })),
      ],
      responses: {
        "200": { description: "A page of rows", content: json(ref(`${name}Page`)) },
        "400": { description: "Invalid query parameters" },
      },
    });
    if (!hasKey) continue;
    const itemPath = `${base}/${keyColumns.map((c) => `{${c.name}}`).join("/")}`;
    const keyParams = keyColumns.map((c) => ({
      name: c.name,
      in: "path",
      required: true,
      schema: textParamSchema(c),
    }));
    schemas[`${name}Create`] = {
      type: "object",
      properties: Object.fromEntries(writable.map((c) => [c.name, schemaOf(c)])),
      required: writable.filter((c) => !c.nullable && !c.hasDefault).map((c) => c.name),
      additionalProperties: false,
    };
    const updatable = writable.filter((c) => !table.primaryKey.includes(c.name));
    schemas[`${name}Update`] = {
      type: "object",
      properties: Object.fromEntries(updatable.map((c) => [c.name, schemaOf(c)])),
      minProperties: 1,
      additionalProperties: false,
    };
    add("get", "get", itemPath, {
      summary: `Get one row of ${qualified} by primary key`,
      parameters: keyParams,
      responses: {
        "200": { description: "The row", content: json(ref(name)) },
        "404": { description: "No row with that key" },
      },
    });
    add("create", "post", base, {
      summary: `Insert a row into ${qualified}`,
      requestBody: { required: true, content: json(ref(`${name}Create`)) },
      responses: {
        "201": { description: "The inserted row", content: json(ref(name)) },
        "400": { description: "Invalid body or a constraint violated" },
        "409": { description: "Conflicts with an existing row" },
      },
    });
    add("update", "patch", itemPath, {
      summary: `Change some columns of a row of ${qualified}`,
      parameters: keyParams,
      requestBody: { required: true, content: json(ref(`${name}Update`)) },
      responses: {
        "200": { description: "The updated row", content: json(ref(name)) },
        "400": { description: "Invalid body or a constraint violated" },
        "404": { description: "No row with that key" },
      },
    });
    add("delete", "delete", itemPath, {
      summary: `Delete a row of ${qualified}`,
      parameters: keyParams,
      responses: {
        "204": { description: "Deleted" },
        "404": { description: "No row with that key" },
      },
    });
  }
  return {
    document: {
      openapi: "3.1.0",
      info: { title, version: "0.1.0" },
      paths,
      components: { schemas },
    },
    operations,
    readOnlyTables,
    unexpressedChecks,
  };
}

/** A path segment a client can write unescaped: `order items` → `order-items`. */
export function urlSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._~-]+/g, "-");
}

/** Filters compare with `=`: not for json, arrays or floating point. */
function isFilterable(column: CrudColumn): boolean {
  const type = column.type.toLowerCase();
  return !(
    type === "json" ||
    type === "jsonb" ||
    type.endsWith("[]") ||
    type === "real" ||
    type === "double precision"
  );
}
