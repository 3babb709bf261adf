/**
 * openapi engine — public API: one way to read an OpenAPI document, shared by scaffold and audit.
 *
 * `loadSpec(path)` reads a YAML/JSON document and every local file its `$ref`s reach (bounded in
 * size, alias expansion, depth and time), converts Swagger 2.0 to OpenAPI 3.0, accepts 3.0, 3.1
 * and 3.2, checks the document against the official schema (located one-line warnings; `strict`
 * refuses), and normalises it into one `ApiModel`: operations with their params, bodies and
 * responses, and named JSON Schemas (2020-12 flavour) whose refs read `#/components/schemas/<Name>`.
 * The identifier functions turn spec names into TypeScript identifiers and file names.
 */
export type {
  ApiModel,
  ApiOperation,
  ApiParam,
  ApiRequestBody,
  ApiResponse,
  HttpMethod,
  JsonSchema,
  ParamLocation,
} from "./api-model.js";
export { HTTP_METHODS, refName, SCHEMA_REF_PREFIX, schemaRef } from "./api-model.js";
export {
  camelCase,
  compareNames,
  isIdentifier,
  pascalCase,
  resourceSegment,
  slug,
  synthesizeOperationId,
  uniqueName,
} from "./identifiers.js";
export type { SpecLimits } from "./spec-limits.js";
export { DEFAULT_LIMITS } from "./spec-limits.js";
export type { LoadedSpec, LoadSpecOptions } from "./spec-loader.js";
export { loadSpec } from "./spec-loader.js";
