/**
 * The intermediate model every scaffold emitter works from. `loadSpec` builds it from an
 * OpenAPI 3.0/3.1 document; `--from-db` can build it from tables. Emitters never look at the
 * raw document, only at this model.
 */

/** A JSON Schema (2020-12 flavour, as OpenAPI 3.1 uses it). */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface ApiParam {
  /** The name as written in the spec (header names keep their case here; emitters lower-case them). */
  name: string;
  in: ParamLocation;
  required: boolean;
  /** Normalised schema; refs point at `#/components/schemas/<Name>`. */
  schema: JsonSchema;
  description?: string;
  deprecated?: boolean;
}

export interface ApiRequestBody {
  required: boolean;
  /** Content types in spec order, e.g. `application/json`, `application/x-www-form-urlencoded`. */
  contentTypes: string[];
  /**
   * The body schema. When content types carry different schemas this is an `anyOf` of them;
   * `schemasByContentType` keeps each one.
   */
  schema: JsonSchema;
  schemasByContentType: Record<string, JsonSchema>;
  description?: string;
}

export interface ApiResponse {
  /** `"200"`, `"404"`, `"2XX"` or `"default"`, as in the spec. */
  status: string;
  description: string;
  /** The first content type the spec lists, if the response has a body. */
  contentType?: string;
  /** Schema of the payload (what goes in the envelope's `data`); absent for bodiless responses. */
  schema?: JsonSchema;
}

export interface ApiOperation {
  /** operationId as written (case kept); synthesised from method + path when missing. */
  operationId: string;
  /** True when the spec had no operationId and we made one up (stable for the same method + path). */
  synthesizedId: boolean;
  method: HttpMethod;
  /** The spec's path exactly, OpenAPI template syntax: `/pets/{petId}`. */
  path: string;
  /** Module the operation lives in: its first tag, else the first path segment, as a file-safe slug. */
  group: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  params: Record<ParamLocation, ApiParam[]>;
  requestBody?: ApiRequestBody;
  responses: ApiResponse[];
  /** Effective security requirements (operation level, else document level). */
  security: Array<Record<string, string[]>>;
  /** JSON pointer of the operation in the root document, e.g. `/paths/~1pets/get`. */
  pointer: string;
}

export interface ApiModel {
  /** The document's `openapi` field, e.g. `3.0.3`; `3.1.0` for models built from a database. */
  openapiVersion: string;
  title: string;
  version: string;
  /**
   * Where the API is mounted: the path of the first `servers` URL (`/v1`), `""` for the root.
   * Route paths stay as the spec writes them, relative to it.
   */
  basePath?: string;
  /** Bytes of every file the spec was read from (bounds what may be generated from it). */
  sourceBytes?: number;
  /** Absolute path of the root spec file (or a description of the source, e.g. a redacted URL). */
  source: string;
  operations: ApiOperation[];
  /**
   * Named schemas: the spec's `components.schemas` plus every other schema a `$ref` pointed at
   * (external files, schemas nested elsewhere), named after the file or pointer. Normalised to
   * JSON Schema 2020-12: 3.0 `nullable` folded into `type`, boolean exclusive bounds made numeric,
   * OpenAPI-only keywords (`discriminator`, `example`, `xml`, …) dropped. Refs between them read
   * `#/components/schemas/<Name>`.
   */
  schemas: Record<string, JsonSchema>;
  securitySchemes: Record<string, unknown>;
}

/** The `$ref` prefix of named schemas inside the model. */
export const SCHEMA_REF_PREFIX = "#/components/schemas/";

export function schemaRef(name: string): { $ref: string } {
  return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
}

/** The schema name a model `$ref` points at, or undefined when it is not a named-schema ref. */
export function refName(schema: JsonSchema): string | undefined {
  if (typeof schema !== "object" || schema === null || typeof schema.$ref !== "string")
    return undefined;
  return schema.$ref.startsWith(SCHEMA_REF_PREFIX)
    ? schema.$ref.slice(SCHEMA_REF_PREFIX.length)
    : undefined;
}
