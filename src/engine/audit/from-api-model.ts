import type { ApiModel } from "../openapi/index.js";
import type { AuditOperation, JsonSchema } from "./operations.js";

/** The model the openapi engine builds; the audit reads its operations, schemas and security schemes. */
type ModelLike = ApiModel;

const REF_PREFIX = "#/components/schemas/";

/** Inline named-schema `$ref`s, bounded in depth so circular schemas terminate. */
export function inlineRefs(schema: unknown, named: Record<string, unknown>, depth = 0): JsonSchema {
  if (typeof schema !== "object" || schema === null) return {};
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string" && s.$ref.startsWith(REF_PREFIX)) {
    if (depth > 5) return {};
    return inlineRefs(named[s.$ref.slice(REF_PREFIX.length)], named, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          inlineRefs(v, named, depth + 1),
        ]),
      );
    } else if (
      (key === "items" || key === "additionalProperties") &&
      value &&
      typeof value === "object"
    ) {
      out[key] = inlineRefs(value, named, depth + 1);
    } else if (["allOf", "oneOf", "anyOf"].includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => inlineRefs(v, named, depth + 1));
    } else {
      out[key] = value;
    }
  }
  return out as JsonSchema;
}

/** Operations the audit can build negative requests for. */
export function operationsFromModel(model: ModelLike): AuditOperation[] {
  return model.operations.map((op) => {
    const parameters = Object.values(op.params)
      .flat()
      .map((p) => ({
        name: p.name,
        in: p.in as AuditOperation["parameters"][number]["in"],
        required: p.required,
        schema: inlineRefs(p.schema, model.schemas),
      }));
    const contentType =
      op.requestBody?.contentTypes.find((c) => /json/.test(c)) ?? op.requestBody?.contentTypes[0];
    return {
      id: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
      parameters,
      body:
        op.requestBody && contentType
          ? {
              contentType,
              required: op.requestBody.required,
              schema: inlineRefs(op.requestBody.schemasByContentType[contentType], model.schemas),
            }
          : undefined,
      secured: op.security.some((req) => Object.keys(req).length > 0),
      responses: op.responses?.map((r) => ({
        status: r.status,
        contentType: r.contentType,
        schema: r.schema === undefined ? undefined : inlineRefs(r.schema, model.schemas),
      })),
    };
  });
}

/** Does the spec describe asymmetric token signing (bearerFormat naming RS/ES/PS, or OpenID Connect)? */
export function specExpectsAsymmetricJwt(model: Pick<ModelLike, "securitySchemes">): boolean {
  return Object.values(model.securitySchemes).some((scheme) => {
    const s = scheme as { type?: string; bearerFormat?: string };
    return s.type === "openIdConnect" || /\b(RS|ES|PS)\d{3}\b/.test(s.bearerFormat ?? "");
  });
}
