import { type ApiOperation, type JsonSchema, SCHEMA_REF_PREFIX } from "../openapi/index.js";
import type { EmitPlan } from "./emit-plan.js";
import { securityRequirements } from "./emit-security.js";
import { INPUT_SLOTS, paramsSchema } from "./emit-types.js";
import { tsLiteral } from "./ts-literal.js";
import { docComment } from "./ts-types.js";

/** The `$id` the named schemas are registered under in the generated validators. */
export const COMPONENTS_ID = "components";

const NAME_MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "$defs"]);

/** Model refs (`#/components/schemas/X`) → refs the generated validators resolve (`components#/$defs/X`). */
export function validatorSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      NAME_MAPS.has(key) &&
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value)
    ) {
      // Keys here are property names (a property may be called "default" or "enum"), values schemas.
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, validatorSchema(sub as JsonSchema)]),
      );
    } else if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF_PREFIX)) {
      out.$ref = `${COMPONENTS_ID}#/$defs/${value.slice(SCHEMA_REF_PREFIX.length)}`;
    } else if (Array.isArray(value)) {
      out[key] =
        key === "enum" || key === "required" || key === "type" || key === "examples"
          ? value
          : value.map((v) => validatorSchema(v as JsonSchema));
    } else if (
      typeof value === "object" &&
      value !== null &&
      key !== "default" &&
      key !== "const"
    ) {
      out[key] = validatorSchema(value as JsonSchema);
    } else out[key] = value;
  }
  return out;
}

const COMPONENTS_HEAD =
  "export const components: { $id: string; $defs: Record<string, JsonSchema> } = ";

/**
 * The operation's body types the generated apps parse and validate: JSON (and `+json`) and
 * URL-encoded forms. Others (multipart, binary) reach the handler unparsed and unvalidated.
 */
export function parsedBodyTypes(op: ApiOperation): string[] {
  return (op.requestBody?.contentTypes ?? []).filter((type) => {
    const t = type.toLowerCase();
    return (
      t === "application/json" || t.endsWith("+json") || t === "application/x-www-form-urlencoded"
    );
  });
}

/** `schemas.ts`: the named schemas and, per operation, the schemas of its path/query/header/cookie params and body. */
export function emitSchemas(plan: EmitPlan, header: string): string {
  const defs: Record<string, JsonSchema> = {};
  for (const name of plan.schemaOrder) defs[name] = validatorSchema(plan.model.schemas[name]!);
  const out: string[] = [
    header,
    "/** A JSON Schema (2020-12). */",
    "export type JsonSchema = { [keyword: string]: unknown } | boolean;\n",
    "/** What one operation's request is checked against; absent parts are not checked. */",
    "export interface RequestSchemas {",
    "  params?: JsonSchema;",
    "  query?: JsonSchema;",
    "  headers?: JsonSchema;",
    "  cookies?: JsonSchema;",
    "  /** Body schema per accepted content type. */",
    "  body?: Record<string, JsonSchema>;",
    "  bodyRequired: boolean;",
    "  /** Security requirements: any one of them, every scheme within it (absent: open). */",
    "  security?: SecurityScheme[][];",
    "}\n",
    "/** How one security scheme's credential is sent. */",
    "export interface SecurityScheme {",
    "  scheme: string;",
    '  type: "bearer" | "basic" | "apiKey";',
    '  in?: "header" | "query" | "cookie";',
    "  name?: string;",
    "}\n",
    `/** Every named schema; the request schemas refer to them as \`${COMPONENTS_ID}#/$defs/<Name>\`. */`,
    `${COMPONENTS_HEAD}${tsLiteral({ $id: COMPONENTS_ID, $defs: defs }, 0, COMPONENTS_HEAD.length)};\n`,
  ];
  for (const names of plan.operations) {
    const { op } = names;
    const request: Record<string, unknown> = {};
    for (const { slot, location } of INPUT_SLOTS) {
      if (op.params[location].length > 0)
        request[slot] = validatorSchema(paramsSchema(op.params[location]));
    }
    const types = parsedBodyTypes(op);
    if (types.length > 0) {
      const body: Record<string, JsonSchema> = {};
      for (const type of types)
        body[type] = validatorSchema(op.requestBody!.schemasByContentType[type]!);
      request.body = body;
    }
    request.bodyRequired = types.length > 0 && op.requestBody?.required === true;
    const security = securityRequirements(op, plan.model);
    if (security) request.security = security;
    const head = `export const ${names.requestSchema}: RequestSchemas = `;
    const doc = docComment(`${names.handler}: ${op.method.toUpperCase()} ${op.path}`, "");
    out.push(`${doc}${head}${tsLiteral(request, 0, head.length)};\n`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}
