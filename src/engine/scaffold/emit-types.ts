import type { ApiParam, JsonSchema, ParamLocation } from "./api-model.js";
import { type EmitPlan, type OperationNames, successResponses } from "./emit-plan.js";
import { docComment, tsType } from "./ts-types.js";

/** The input slots in the order handlers see them, with the spec location each comes from. */
export const INPUT_SLOTS: Array<{ slot: string; location: ParamLocation }> = [
  { slot: "params", location: "path" },
  { slot: "query", location: "query" },
  { slot: "headers", location: "header" },
  { slot: "cookies", location: "cookie" },
];

/** Header names are matched case-insensitively; Node hands them over lower-cased. */
export const paramKey = (p: ApiParam) => (p.in === "header" ? p.name.toLowerCase() : p.name);

/** An object schema for one location's parameters (what the validators check). */
export function paramsSchema(params: ApiParam[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const p of params) {
    const schema = p.schema;
    properties[paramKey(p)] =
      p.description && typeof schema === "object" && !schema.description
        ? { ...schema, description: p.description }
        : schema;
  }
  const required = params.filter((p) => p.required).map(paramKey);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

function inputType(names: OperationNames, plan: EmitPlan): string {
  const { op } = names;
  const lines = INPUT_SLOTS.map(({ slot, location }) => {
    const params = op.params[location];
    if (params.length === 0) return `  ${slot}: Record<string, never>;`;
    return `  ${slot}: ${tsType(paramsSchema(params), plan.typeNames, "  ")};`;
  });
  if (op.requestBody) {
    const body = tsType(op.requestBody.schema, plan.typeNames, "  ");
    lines.push(`  body: ${op.requestBody.required ? body : `${body} | undefined`};`);
  } else lines.push("  body: undefined;");
  return `export type ${names.input} = {\n${lines.join("\n")}\n};`;
}

function resultType(names: OperationNames, plan: EmitPlan): string {
  const variants = successResponses(names.op).map((r) => {
    const status = /^\d{3}$/.test(r.status) ? r.status : "number";
    if (!r.schema) return `{ status: ${status} }`;
    return `{ status: ${status}; data: ${tsType(r.schema, plan.typeNames, "")} }`;
  });
  const body = variants.length > 0 ? variants.join(" | ") : "{ status: 200; data: unknown }";
  return `export type ${names.result} = ${body};`;
}

/** `types.ts`: a type per named schema (dependencies first), then each operation's input and result. */
export function emitTypes(plan: EmitPlan, header: string): string {
  const out: string[] = [header];
  if (plan.schemaOrder.length > 0) out.push("// Schemas\n");
  for (const name of plan.schemaOrder) {
    const schema = plan.model.schemas[name]!;
    const doc =
      typeof schema === "object" ? docComment(schema.description ?? schema.title, "") : "";
    out.push(
      `${doc}export type ${plan.typeNames.get(name)} = ${tsType(schema, plan.typeNames, "")};\n`,
    );
  }
  out.push("// Operations: what each handler receives (validated) and may return\n");
  for (const names of plan.operations) {
    const { op } = names;
    const title = `${names.handler}: ${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ""}`;
    out.push(`${docComment(title, "")}${inputType(names, plan)}\n`);
    out.push(`${resultType(names, plan)}\n`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}
