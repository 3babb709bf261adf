import { type JsonSchema, SCHEMA_REF_PREFIX } from "./api-model.js";
import type { EmitPlan } from "./emit-plan.js";
import { INPUT_SLOTS, paramsSchema } from "./emit-types.js";
import { tsLiteral } from "./ts-literal.js";
import { docComment } from "./ts-types.js";

/** The `$id` the named schemas are registered under in the generated validators. */
export const COMPONENTS_ID = "components";

/** Model refs (`#/components/schemas/X`) → refs the generated validators resolve (`components#/$defs/X`). */
export function validatorSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF_PREFIX)) {
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
    if (op.requestBody && op.requestBody.contentTypes.length > 0) {
      const body: Record<string, JsonSchema> = {};
      for (const [type, schema] of Object.entries(op.requestBody.schemasByContentType))
        body[type] = validatorSchema(schema);
      request.body = body;
    }
    request.bodyRequired = op.requestBody?.required === true;
    const head = `export const ${names.requestSchema}: RequestSchemas = `;
    const doc = docComment(`${names.handler}: ${op.method.toUpperCase()} ${op.path}`, "");
    out.push(`${doc}${head}${tsLiteral(request, 0, head.length)};\n`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}
