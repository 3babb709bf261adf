import type { JsonSchema } from "../../openapi/index.js";
import type { CrudColumn } from "./crud-table.js";

type SchemaObject = { [keyword: string]: unknown };

const INT_RANGES: Record<string, [number, number]> = {
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

/**
 * The JSON Schema of a column's values: integers with their range, varchar lengths, enums, uuid and
 * date formats; bigint and numeric (which `pg` returns as strings) accept a number or a numeric string.
 * A nullable column also accepts null.
 */
export function columnSchema(column: CrudColumn): JsonSchema {
  const base = typeSchema(column.type, column.enumValues);
  if (!column.nullable) return base;
  const type = base.type;
  if (typeof type === "string") return { ...base, type: [type, "null"] };
  if (Array.isArray(type)) return { ...base, type: [...type, "null"] };
  if (Array.isArray(base.enum)) return { ...base, enum: [...base.enum, null] };
  return base;
}

function typeSchema(pgType: string, enumValues: string[] | undefined): SchemaObject {
  if (enumValues && enumValues.length > 0) return { type: "string", enum: [...enumValues] };
  const type = pgType.trim().toLowerCase();
  if (type.endsWith("[]"))
    return { type: "array", items: typeSchema(type.slice(0, -2), undefined) };
  const sized = /^(character varying|varchar|character|char|bpchar)\s*\((\d+)\)$/.exec(type);
  if (sized) return { type: "string", maxLength: Number(sized[2]) };
  const range =
    INT_RANGES[type === "int" || type === "int4" ? "integer" : type === "int2" ? "smallint" : type];
  if (range) return { type: "integer", minimum: range[0], maximum: range[1] };
  if (type === "bigint" || type === "int8") {
    return { type: ["integer", "string"], pattern: "^-?[0-9]+$" };
  }
  if (type.startsWith("numeric") || type.startsWith("decimal")) {
    return { type: ["number", "string"], pattern: "^-?[0-9]+(\\.[0-9]+)?$" };
  }
  if (type === "real" || type === "double precision" || type === "float4" || type === "float8") {
    return { type: "number" };
  }
  if (type === "boolean" || type === "bool") return { type: "boolean" };
  if (type === "uuid") return { type: "string", format: "uuid" };
  if (type === "date") return { type: "string", format: "date" };
  if (type.startsWith("timestamp")) return { type: "string", format: "date-time" };
  if (type === "json" || type === "jsonb") return {};
  return { type: "string" };
}

/** A value of this column as a path parameter or query filter arrives as text. */
export function textParamSchema(column: CrudColumn): JsonSchema {
  const schema = typeSchema(column.type, column.enumValues);
  if (schema.type === "integer") return schema;
  if (Array.isArray(schema.type)) return { type: "string", pattern: schema.pattern };
  if (schema.type === "string") return schema;
  if (schema.type === "boolean" || schema.type === "number") return schema;
  return { type: "string" };
}

/** json/jsonb values go to `pg` as JSON text (it would send JS arrays as PostgreSQL arrays). */
export function isJsonColumn(column: CrudColumn): boolean {
  const type = column.type.trim().toLowerCase();
  return type === "json" || type === "jsonb";
}
