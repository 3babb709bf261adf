import type { JsonSchema } from "./api-model.js";
import type { OpenApiLine } from "./spec-version.js";

/** Keywords whose value is one subschema. */
export const SCHEMA_KEYWORDS = [
  "additionalProperties",
  "items",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedProperties",
  "unevaluatedItems",
] as const;
/** Keywords whose value is an array of subschemas. */
export const SCHEMA_ARRAY_KEYWORDS = ["allOf", "oneOf", "anyOf", "prefixItems"] as const;
/** Keywords whose value maps names to subschemas. */
export const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "dependentSchemas"] as const;

/** Plain JSON Schema keywords kept as they are (everything else, e.g. `discriminator`, `xml`, `x-*`, is dropped). */
const KEPT = new Set([
  "type",
  "enum",
  "const",
  "format",
  "multipleOf",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxContains",
  "minContains",
  "maxProperties",
  "minProperties",
  "required",
  "dependentRequired",
  "title",
  "description",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "examples",
  "contentEncoding",
  "contentMediaType",
]);

/** Formats ajv-formats knows; others are annotations we drop so strict validators do not reject them. */
const KNOWN_FORMATS = new Set(
  (
    "date time date-time iso-time iso-date-time duration uri uri-reference uri-template url email " +
    "hostname ipv4 ipv6 regex uuid json-pointer json-pointer-uri-fragment relative-json-pointer byte " +
    "int32 int64 float double password binary"
  ).split(" "),
);

type Obj = { [keyword: string]: unknown };

/**
 * Normalise one schema node's own keywords (subschemas are handled by the caller, which passes
 * them already converted in `children`): 3.0 → 3.1 (`nullable`, boolean exclusive bounds),
 * OpenAPI-only keywords dropped, unknown formats dropped, `$ref` siblings folded into `allOf`.
 */
export function normalizeSchemaNode(
  node: Obj,
  children: Obj,
  ref: JsonSchema | undefined,
  line: OpenApiLine,
): JsonSchema {
  const out: Obj = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT.has(key)) continue;
    if (key === "format" && (typeof value !== "string" || !KNOWN_FORMATS.has(value))) continue;
    const clean = wellTyped(key, value);
    if (clean !== undefined) out[key] = clean;
  }
  Object.assign(out, children);
  // 3.0's boolean exclusive bounds (also found in 3.1 documents) become 2020-12 numbers.
  for (const [bound, exclusive] of [
    ["minimum", "exclusiveMinimum"],
    ["maximum", "exclusiveMaximum"],
  ] as const) {
    if (out[exclusive] === true && typeof out[bound] === "number") {
      out[exclusive] = out[bound];
      delete out[bound];
    } else if (typeof out[exclusive] === "boolean") {
      delete out[exclusive];
    }
  }
  if (node.example !== undefined && node.example !== null && out.examples === undefined) {
    out.examples = [node.example];
  }
  let result: Obj = out;
  if (ref) {
    // In 3.0 a $ref's siblings are ignored; in 3.1 they apply alongside it.
    const siblings = line !== "3.0" ? Object.keys(out).filter((k) => k !== "description") : [];
    result =
      siblings.length > 0
        ? { ...out, allOf: [ref, ...((out.allOf as JsonSchema[]) ?? [])] }
        : (ref as Obj);
  }
  return node.nullable === true && line === "3.0" ? makeNullable(result) : result;
}

function makeNullable(schema: Obj): JsonSchema {
  if (typeof schema.type === "string") {
    const out: Obj = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  if (Array.isArray(schema.type)) {
    return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  }
  const { description, ...rest } = schema;
  const wrapped: Obj = { anyOf: [rest, { type: "null" }] };
  if (description !== undefined) wrapped.description = description;
  return wrapped;
}

const NON_NEGATIVE_INTEGERS = new Set([
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxContains",
  "minContains",
  "maxProperties",
  "minProperties",
]);
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/**
 * A keyword's value when it has the shape JSON Schema requires, else undefined (dropped): real
 * specs carry slips (`required` listing a name twice, a 3.0-style boolean `exclusiveMinimum` in a
 * 3.1 document, a pattern JavaScript cannot compile) that make validators refuse the whole schema
 * at startup. Boolean exclusive bounds are kept here and folded by the caller.
 */
function wellTyped(key: string, value: unknown): unknown {
  if (NON_NEGATIVE_INTEGERS.has(key)) {
    return Number.isInteger(value) && (value as number) >= 0 ? value : undefined;
  }
  switch (key) {
    case "minimum":
    case "maximum":
      return typeof value === "number" ? value : undefined;
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return typeof value === "number" || typeof value === "boolean" ? value : undefined;
    case "multipleOf":
      return typeof value === "number" && value > 0 ? value : undefined;
    case "type": {
      const list = (Array.isArray(value) ? value : [value]).filter(
        (t): t is string => typeof t === "string" && TYPES.has(t),
      );
      const unique = [...new Set(list)];
      if (unique.length === 0) return undefined;
      return Array.isArray(value) ? unique : unique[0];
    }
    case "required": {
      if (!Array.isArray(value)) return undefined;
      return [...new Set(value.filter((v) => typeof v === "string"))];
    }
    case "enum":
      return Array.isArray(value) ? value : undefined;
    case "examples":
      return Array.isArray(value)
        ? value
        : value === null || value === undefined
          ? undefined
          : [value];
    case "pattern":
      try {
        return typeof value === "string" && new RegExp(value, "u") ? value : undefined;
      } catch {
        return undefined;
      }
    case "uniqueItems":
    case "readOnly":
    case "writeOnly":
    case "deprecated":
      return typeof value === "boolean" ? value : undefined;
    case "title":
    case "description":
    case "contentEncoding":
    case "contentMediaType":
      return typeof value === "string" ? value : undefined;
    case "dependentRequired":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? value
        : undefined;
    default:
      return value;
  }
}
