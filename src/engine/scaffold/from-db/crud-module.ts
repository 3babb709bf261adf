import { pascalCase } from "../../openapi/index.js";
import type { HandlerSource } from "../scaffold-options.js";
import { crudFunction } from "./crud-handlers.js";
import type { CrudOperation } from "./crud-spec.js";

/**
 * `crud/<table>.ts` (tool-owned, regenerated when the schema changes): one function per operation
 * doing the SQL. The user-owned handlers call them, so regenerating never overwrites a handler and
 * still brings new columns into the queries.
 */
export function crudModuleSource(operations: CrudOperation[], header: string): string {
  const helpers = new Set<string>();
  const types = new Set<string>();
  const functions = operations.map((operation) => {
    const fn = crudFunction(operation);
    for (const h of fn.helpers) helpers.add(h);
    const base = pascalCase(operation.operationId);
    types.add(`${base}Input`);
    types.add(`${base}Result`);
    if (operation.kind !== "delete") types.add(operation.rowType);
    return `export async function ${operation.operationId}(input: ${base}Input): Promise<${base}Result> {\n${indent(fn.body)}\n}`;
  });
  const imports = [
    importLine("import", [...helpers], "../db.js"),
    importLine("import type", [...types], "../types.js"),
  ];
  return `${header}${imports.join("\n")}\n\n${functions.join("\n\n")}\n`;
}

/** The body of the user-owned handler: hand the validated input to the tool-owned CRUD function. */
export function crudHandlerSource(operation: CrudOperation): HandlerSource {
  return {
    body: `  return crud.${operation.operationId}(input);`,
    imports: [`import * as crud from "../../crud/${operation.module}.js";`],
  };
}

/** One import, laid out one name per line when it would pass 100 columns. */
function importLine(head: string, names: string[], from: string): string {
  const sorted = [...names].sort();
  const line = `${head} { ${sorted.join(", ")} } from "${from}";`;
  return line.length <= 100
    ? line
    : `${head} {\n${sorted.map((n) => `  ${n},`).join("\n")}\n} from "${from}";`;
}

function indent(body: string): string {
  return body
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}
