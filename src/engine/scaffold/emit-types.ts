import type { ApiParam, ApiResponse, JsonSchema, ParamLocation } from "../openapi/index.js";
import { withoutAliasCycles } from "./alias-cycles.js";
import { type EmitPlan, type OperationNames, successResponses } from "./emit-plan.js";
import { propertyKey } from "./ts-literal.js";
import { declaration, docComment, tsType } from "./ts-types.js";

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

/** One success variant: `{ status: 200; data: T }`, as a block when `T` spans lines. */
function resultVariant(status: string, data: string | undefined, indent: string): string {
  if (data === undefined) return `{ status: ${status} }`;
  if (!data.includes("\n")) return `{ status: ${status}; data: ${data} }`;
  return `{\n${indent}  status: ${status};\n${indent}  data: ${data};\n${indent}}`;
}

function resultType(names: OperationNames, plan: EmitPlan): string {
  const responses = successResponses(names.op);
  const head = `export type ${names.result} =`;
  const status = (s: string) => (/^\d{3}$/.test(s) ? s : "number");
  const data = (schema: JsonSchema | undefined, indent: string) =>
    schema === undefined ? undefined : tsType(schema, plan.typeNames, indent);
  if (responses.length === 0) return `${head} { status: 200; data: unknown };`;
  const inline = responses.map((r) => resultVariant(status(r.status), data(r.schema, ""), ""));
  const oneLine = `${head} ${inline.join(" | ")};`;
  if (!oneLine.includes("\n") && oneLine.length <= 100) return oneLine;
  if (responses.length === 1) {
    const [r] = responses as [ApiResponse];
    const payload = data(r.schema, "  ");
    if (payload === undefined) return oneLine;
    return `${head} {\n  status: ${status(r.status)};\n  data: ${payload};\n};`;
  }
  const variants = responses.map((r) => {
    const variant = resultVariant(status(r.status), data(r.schema, "      "), "    ");
    const flat = resultVariant(status(r.status), data(r.schema, ""), "");
    return !flat.includes("\n") && flat.length + 4 <= 100 ? flat : variant;
  });
  return `${head}\n${variants.map((v) => `  | ${v}`).join("\n")};`;
}

/** `<Op>Responses`: every documented response by status, its payload type (`undefined` without a body). */
function responsesType(names: OperationNames, plan: EmitPlan): string | undefined {
  const responses = names.op.responses;
  if (responses.length === 0) return undefined;
  const lines = responses.map((r) => {
    const key = /^\d+$/.test(r.status) ? r.status : propertyKey(r.status);
    const payload = r.schema ? tsType(r.schema, plan.typeNames, "  ") : "undefined";
    return `${docComment(r.description, "  ")}  ${key}: ${payload};`;
  });
  return `export type ${names.responses} = {\n${lines.join("\n")}\n};`;
}

/** `types.ts`: a type per named schema (dependencies first), then each operation's input and result. */
export function emitTypes(plan: EmitPlan, header: string): string {
  const out: string[] = [header];
  if (plan.schemaOrder.length > 0) out.push("// Schemas\n");
  const typeSchemas = withoutAliasCycles(plan.model.schemas);
  for (const name of plan.schemaOrder) {
    const schema = typeSchemas[name]!;
    const doc =
      typeof schema === "object" ? docComment(schema.description ?? schema.title, "") : "";
    const head = `export type ${plan.typeNames.get(name)} =`;
    out.push(`${doc}${declaration(head, tsType(schema, plan.typeNames, ""), "")}\n`);
  }
  out.push("// Operations: what each handler receives (validated) and may return\n");
  for (const names of plan.operations) {
    const { op } = names;
    const title = `${names.handler}: ${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ""}`;
    out.push(`${docComment(title, "")}${inputType(names, plan)}\n`);
    out.push(`${resultType(names, plan)}\n`);
    const responses = responsesType(names, plan);
    if (responses) out.push(`${responses}\n`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}
