import { isJsonColumn } from "./column-schema.js";
import { type CrudOperation, DEFAULT_LIMIT } from "./crud-spec.js";
import type { CrudColumn } from "./crud-table.js";
import { access, inTemplate, qualifiedName, quoteIdent, tsString } from "./sql-text.js";

/** One CRUD function: its statements and the `db.ts` helpers they use. */
export interface CrudFunction {
  body: string;
  helpers: string[];
}

/**
 * The statements of a CRUD function: parameterized `pg` queries, identifiers quoted at generation
 * time, and only column names chosen from a fixed list ever joined into the SQL text.
 */
export function crudFunction(operation: CrudOperation): CrudFunction {
  const { table, rowType } = operation;
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
  const head = [
    `const table = ${tsString(qualifiedName(table.schema, table.name))};`,
    `const columns = ${tsString(columns)};`,
  ];
  switch (operation.kind) {
    case "list":
      return table.primaryKey.length > 0
        ? {
            body: [...head, ...listByKey(operation, rowType)].join("\n"),
            helpers: ["decodeCursor", "encodeCursor", "query"],
          }
        : { body: [...head, ...listByOffset(operation, rowType)].join("\n"), helpers: ["query"] };
    case "get":
      return {
        body: [
          ...head,
          `const sql = \`SELECT \${columns} FROM \${table} WHERE ${keyWhere(operation, 1)}\`;`,
          `const rows = await query<${rowType}>(sql, [${keyValues(operation)}]);`,
          "const row = rows[0];",
          `if (!row) throw notFound(${tsString(table.name)});`,
          "return { status: 200, data: row };",
        ].join("\n"),
        helpers: ["notFound", "query"],
      };
    case "create":
      return {
        body: [...head, ...create(operation, rowType)].join("\n"),
        helpers: ["query", "rethrowDbError"],
      };
    case "update":
      return {
        body: [...head, ...update(operation, rowType)].join("\n"),
        helpers: ["notFound", "query", "rethrowDbError", "validationError"],
      };
    case "delete":
      return {
        body: [
          `const table = ${tsString(qualifiedName(table.schema, table.name))};`,
          `const sql = \`DELETE FROM \${table} WHERE ${keyWhere(operation, 1)} RETURNING 1 AS deleted\`;`,
          `const rows = await query<{ deleted: number }>(sql, [${keyValues(operation)}]).catch(rethrowDbError);`,
          `if (rows.length === 0) throw notFound(${tsString(table.name)});`,
          "return { status: 204 };",
        ].join("\n"),
        helpers: ["notFound", "query", "rethrowDbError"],
      };
  }
}

function keyColumns(operation: CrudOperation): string[] {
  return operation.table.primaryKey;
}

/** `"a" = $1 AND "b" = $2`, numbered from `first` (as text inside a template literal). */
function keyWhere(operation: CrudOperation, first: number | string): string {
  return keyColumns(operation)
    .map(
      (k, i) =>
        `${inTemplate(quoteIdent(k))} = $${typeof first === "number" ? first + i : `\${${first} + ${i}}`}`,
    )
    .join(" AND ");
}

function keyValues(operation: CrudOperation): string {
  return keyColumns(operation)
    .map((k) => access("input.params", k))
    .join(", ");
}

function filterLines(operation: CrudOperation): string[] {
  return operation.filters.flatMap((c) => [
    `if (${access("input.query", c.name)} !== undefined) {`,
    `  values.push(${access("input.query", c.name)});`,
    `  where.push(\`${inTemplate(quoteIdent(c.name))} = $\${values.length}\`);`,
    "}",
  ]);
}

function listByKey(operation: CrudOperation, rowType: string): string[] {
  const keys = keyColumns(operation);
  const keyList = keys.map(quoteIdent).join(", ");
  return [
    "const values: unknown[] = [];",
    "const where: string[] = [];",
    ...filterLines(operation),
    "if (input.query.cursor !== undefined) {",
    `  const after = decodeCursor(input.query.cursor, ${keys.length});`,
    "  const first = values.length + 1;",
    "  values.push(...after);",
    '  const placeholders = after.map((_, i) => `$${first + i}`).join(", ");',
    `  where.push(\`(${inTemplate(keyList)}) > (\${placeholders})\`);`,
    "}",
    `const limit = input.query.limit ?? ${DEFAULT_LIMIT};`,
    "values.push(limit + 1);",
    `const filter = where.length > 0 ? \` WHERE \${where.join(" AND ")}\` : "";`,
    `const sql = \`SELECT \${columns} FROM \${table}\${filter} ORDER BY ${inTemplate(keyList)} LIMIT $\${values.length}\`;`,
    `const rows = await query<${rowType}>(sql, values);`,
    "const items = rows.slice(0, limit);",
    "const last = items.at(-1);",
    `const nextCursor = rows.length > limit && last ? encodeCursor([${keys.map((k) => access("last", k)).join(", ")}]) : null;`,
    "return { status: 200, data: { items, nextCursor } };",
  ];
}

function listByOffset(operation: CrudOperation, rowType: string): string[] {
  return [
    "const values: unknown[] = [];",
    "const where: string[] = [];",
    ...filterLines(operation),
    `const limit = input.query.limit ?? ${DEFAULT_LIMIT};`,
    "values.push(limit, input.query.offset ?? 0);",
    `const filter = where.length > 0 ? \` WHERE \${where.join(" AND ")}\` : "";`,
    `const sql = \`SELECT \${columns} FROM \${table}\${filter} LIMIT $\${values.length - 1} OFFSET $\${values.length}\`;`,
    `const items = await query<${rowType}>(sql, values);`,
    "return { status: 200, data: { items } };",
  ];
}

/** The value to send for a body field: JSON columns as JSON text. */
function bodyValue(column: CrudColumn): string {
  const value = access("input.body", column.name);
  return isJsonColumn(column) ? `${value} === null ? null : JSON.stringify(${value})` : value;
}

function create(operation: CrudOperation, rowType: string): string[] {
  const writable = operation.table.columns.filter((c) => !c.generated);
  return [
    "const names: string[] = [];",
    "const values: unknown[] = [];",
    ...writable.flatMap((c) => [
      `if (${access("input.body", c.name)} !== undefined) {`,
      `  names.push(${tsString(quoteIdent(c.name))});`,
      `  values.push(${bodyValue(c)});`,
      "}",
    ]),
    'const placeholders = values.map((_, i) => `$${i + 1}`).join(", ");',
    "const sql =",
    "  names.length > 0",
    `    ? \`INSERT INTO \${table} (\${names.join(", ")}) VALUES (\${placeholders}) RETURNING \${columns}\``,
    `    : \`INSERT INTO \${table} DEFAULT VALUES RETURNING \${columns}\`;`,
    `const rows = await query<${rowType}>(sql, values).catch(rethrowDbError);`,
    `return { status: 201, data: rows[0] as ${rowType} };`,
  ];
}

function update(operation: CrudOperation, rowType: string): string[] {
  const { table } = operation;
  const updatable = table.columns.filter((c) => !c.generated && !table.primaryKey.includes(c.name));
  return [
    "const sets: string[] = [];",
    "const values: unknown[] = [];",
    ...updatable.flatMap((c) => [
      `if (${access("input.body", c.name)} !== undefined) {`,
      `  values.push(${bodyValue(c)});`,
      `  sets.push(\`${inTemplate(quoteIdent(c.name))} = $\${values.length}\`);`,
      "}",
    ]),
    'if (sets.length === 0) throw validationError("body", "give at least one column to change");',
    "const first = values.length + 1;",
    `values.push(${keyValues(operation)});`,
    `const sql = \`UPDATE \${table} SET \${sets.join(", ")} WHERE ${keyWhere(operation, "first")} RETURNING \${columns}\`;`,
    `const rows = await query<${rowType}>(sql, values).catch(rethrowDbError);`,
    "const row = rows[0];",
    `if (!row) throw notFound(${tsString(table.name)});`,
    "return { status: 200, data: row };",
  ];
}
