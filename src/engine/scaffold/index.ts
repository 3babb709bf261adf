/**
 * scaffold engine — public API.
 *
 * Pipeline: `loadSpec(path)` → `{ document, model }` → `generate(model, options)` → files.
 * - `ApiModel` (api-model.ts) is the contract between inputs and emitters: operations with their
 *   exact paths, params by location, bodies and responses; named, normalised JSON Schemas whose refs
 *   read `#/components/schemas/<Name>`. `--from-db` can build an `ApiModel` directly and reuse
 *   `generate`, passing `handlerBodies` for real implementations.
 * - Generated layout (inside `outputDir`), the same for every framework:
 *     app.ts                  tool  the app: security headers, body limit, request ids, error handler, routes
 *     envelope.ts             tool  success/error envelopes, ApiError, request ids
 *     types.ts                tool  a type per named schema; <Op>Input / <Op>Result per operation
 *     schemas.ts              tool  the JSON Schemas (named schemas + per-operation request schemas)
 *     validation.ts           tool  ajv validators (express, koa) or Fastify route schemas → 400 VALIDATION_ERROR
 *     security.ts             tool  credentials for operations the spec secures → 401 UNAUTHORIZED
 *     context.ts              tool  HandlerContext (requestId, principal, raw request) and `send`
 *     auth.ts                 user  authenticate(credentials): who is calling; refuses all until written
 *     routes/<group>.ts       tool  one module per tag (or first path segment) with the spec's exact paths
 *     handlers/<group>/<operationId>.ts  user  one handler per operation, created once, never overwritten
 *     server.ts               user  starts the app (PORT, HOST), created once
 *     README.md               tool  the layout, ownership rules and the dependencies to install
 *   Route files register each operation as `<method>("<express/koa/fastify path>", …)` with a
 *   leading comment `// <operationId>: <METHOD> <spec path>` (what `--generate-spec` can read).
 */
export type {
  ApiModel,
  ApiOperation,
  ApiParam,
  ApiRequestBody,
  ApiResponse,
  HttpMethod,
  JsonSchema,
  LoadedSpec,
  LoadSpecOptions,
  ParamLocation,
} from "../openapi/index.js";
export {
  camelCase,
  HTTP_METHODS,
  loadSpec,
  pascalCase,
  refName,
  SCHEMA_REF_PREFIX,
  schemaRef,
  slug,
  synthesizeOperationId,
} from "../openapi/index.js";
export {
  type ScaffoldedTable,
  type ScaffoldFromDbOptions,
  type ScaffoldFromDbResult,
  scaffoldFromDb,
} from "./from-db/index.js";
export { generate, planFiles } from "./generate.js";
export type {
  ExtraFile,
  FileOwner,
  FileStatus,
  Framework,
  GeneratedFile,
  GenerateOptions,
  GenerateResult,
  HandlerSource,
  ScaffoldEvent,
} from "./scaffold-options.js";
export { FRAMEWORKS } from "./scaffold-options.js";
export {
  type Endpoint,
  generateSpecFromRoutes,
  openApiPath,
  type SpecFromRoutesOptions,
  type SpecFromRoutesResult,
  writeSpecDocument,
} from "./spec-from-routes/index.js";
export { dependenciesFor } from "./templates/readme.js";
