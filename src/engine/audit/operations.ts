/**
 * The part of an OpenAPI operation the audit needs to build negative requests.
 * Schemas are plain JSON Schema (refs resolved).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  nullable?: boolean;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  [key: string]: unknown;
}

export interface AuditParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

export interface AuditOperation {
  id: string;
  method: string;
  /** OpenAPI path template, e.g. `/users/{id}`. */
  path: string;
  parameters: AuditParameter[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  /** Does the spec require a credential for this operation? */
  secured: boolean;
  /** The documented responses (`"200"`, `"2XX"`, `"default"`); absent when unknown, which skips the response checks. */
  responses?: AuditResponse[];
}

export interface AuditResponse {
  status: string;
  contentType?: string;
  /** JSON Schema (2020-12, refs inlined) of the body, when the spec gives one. */
  schema?: JsonSchema;
}
