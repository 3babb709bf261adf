import { compareNames } from "../../openapi/index.js";
import type { RouteGroup } from "../emit-plan.js";

/** Fastify `context.ts`: what handlers get besides their input, and how results are sent. */
export const fastifyContextSource = `import type { FastifyReply, FastifyRequest } from "fastify";
import { type HandlerResult, successBody } from "./envelope.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller auth.ts vouched for, on operations the spec secures. */
    principal?: unknown;
  }
}

/** What every handler gets besides its input: the request id, the caller, the raw request and reply. */
export interface HandlerContext {
  requestId: string;
  /** Who auth.ts said is calling (operations the spec secures); undefined elsewhere. */
  principal: unknown;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Send a handler's result: its status and \`data\` in the success envelope (no body without data). */
export function send(reply: FastifyReply, result: HandlerResult): FastifyReply {
  reply.code(result.status);
  return result.data === undefined
    ? reply.send()
    : reply.send(successBody(result.data, reply.request.id));
}
`;

/** Fastify `validation.ts`: route schemas for Fastify's own validator, plus cookies. */
export const fastifyValidationSource = `import type { FastifyRequest, FastifySchema, preValidationHookHandler } from "fastify";
import { schemaErrorDetails, validationFailed } from "./envelope.js";
import type { JsonSchema, RequestSchemas } from "./schemas.js";
import { checkSecurity } from "./security.js";

/**
 * The route schema Fastify validates params, querystring, headers and body with. Fastify takes no
 * body schema on GET and HEAD routes (\`{ body: false }\`), and parses no body there.
 */
export function routeSchema(schemas: RequestSchemas, options = { body: true }): FastifySchema {
  const schema: FastifySchema = {};
  if (schemas.params) schema.params = schemas.params;
  if (schemas.query) schema.querystring = schemas.query;
  if (schemas.headers) schema.headers = schemas.headers;
  if (schemas.body && options.body) {
    const content: Record<string, { schema: JsonSchema }> = {};
    for (const [type, body] of Object.entries(schemas.body)) content[type] = { schema: body };
    schema.body = { content };
  }
  return schema;
}

/** Cookies from the \`Cookie\` header. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const value = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    try {
      cookies[pair.slice(0, at).trim()] = decodeURIComponent(value);
    } catch {
      cookies[pair.slice(0, at).trim()] = value;
    }
  }
  return cookies;
}

/** Fastify has no cookie slot in route schemas: this hook checks them with the route's validator. */
export function checkCookies(schemas: RequestSchemas): preValidationHookHandler {
  const schema = (schemas.cookies ?? {}) as Record<string, unknown>;
  return async (request) => {
    const validate = request.compileValidationSchema(schema);
    if (!validate(parseCookies(request.headers.cookie))) {
      throw validationFailed(schemaErrorDetails("cookie", validate.errors ?? []));
    }
  };
}

/**
 * Path parameters whose spec names are not identifiers (\`thing-id\`) have identifier names in the
 * route URL; this hook gives them back their spec names before validation.
 */
export function renameParams(names: Record<string, string>): preValidationHookHandler {
  return async (request) => {
    const params = { ...(request.params as Record<string, unknown>) };
    for (const [urlName, specName] of Object.entries(names)) {
      params[specName] = params[urlName];
      delete params[urlName];
    }
    request.params = params;
  };
}

/** Operations the spec secures: credentials first (401), the caller goes to \`request.principal\`. */
export function requireCredentials(schemas: RequestSchemas): preValidationHookHandler {
  const requirements = schemas.security ?? [];
  return async (request) => {
    request.principal = await checkSecurity(requirements, {
      headers: request.headers,
      query: request.query as Record<string, unknown>,
      cookies: parseCookies(request.headers.cookie),
    });
  };
}

/** A body the spec requires but the request lacks fails before the handler runs. */
export function requireBody(): preValidationHookHandler {
  return async (request) => {
    if (request.body === undefined) {
      throw validationFailed([{ field: "body", message: "is required" }]);
    }
  };
}

/** The validated request as the handler's input. */
export function requestInput(request: FastifyRequest): {
  params: unknown;
  query: unknown;
  /** Validated (and coerced) against the route's header schema, whatever Node's types say. */
  headers: unknown;
  cookies: Record<string, string>;
  body: unknown;
} {
  return {
    params: request.params,
    query: request.query,
    headers: request.headers,
    cookies: parseCookies(request.headers.cookie),
    body: request.body,
  };
}
`;

/** Fastify `app.ts`: security headers, request ids, body limit, shared schemas, the routes, envelopes. */
export function fastifyAppSource(groups: RouteGroup[], basePath: string): string {
  const imports = [...groups]
    .sort((a, b) => compareNames(a.file, b.file))
    .map((g) => `import { ${g.exportName} } from "./${g.file.replace(/\.ts$/, ".js")}";`);
  const mount = basePath ? ", { prefix: BASE_PATH }" : "";
  const uses = groups.map((g) => `  await app.register(${g.exportName}${mount});`);
  return `import { fastifyFormbody } from "@fastify/formbody";
import { fastifyHelmet } from "@fastify/helmet";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { type FastifyError, type FastifyInstance, fastify } from "fastify";
import {
  ApiError,
  BODY_LIMIT_BYTES,
  errorBody,
  requestIdFrom,
  schemaErrorDetails,
  toApiError,
  validationFailed,
} from "./envelope.js";
import { ${basePath ? "BASE_PATH, " : ""}noRoute } from "./route-table.js";
${imports.join("\n")}
import { components } from "./schemas.js";

const options = { allErrors: true, strict: false, useDefaults: true } as const;
/** JSON bodies are checked as sent; path, query and header values (and form fields) arrive as text and are coerced. */
const exact = new Ajv2020(options);
const coercing = new Ajv2020({ ...options, coerceTypes: "array" });
for (const ajv of [exact, coercing]) {
  // ajv-formats is CommonJS; its plugin is the default export's \`default\`.
  ajvFormats.default(ajv);
  ajv.addSchema(components);
}
const isForm = (type: string | undefined) =>
  type === "application/x-www-form-urlencoded" || type === "multipart/form-data";

const LOCATIONS: Record<string, string> = {
  params: "path",
  querystring: "query",
  headers: "header",
  body: "body",
};

/** The Fastify app: every route of the spec behind security headers, request ids and a body limit. */
export async function createApp(): Promise<FastifyInstance> {
  const app = fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => requestIdFrom(req.headers["x-request-id"]),
    logger: { level: process.env.LOG_LEVEL ?? "warn" },
  });
  app.setValidatorCompiler(({ schema, httpPart, contentType }) =>
    (httpPart === "body" && !isForm(contentType) ? exact : coercing).compile(schema),
  );
  await app.register(fastifyHelmet);
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  // Bodies are JSON or forms; Fastify's built-in text/plain parser would let other types through (415 instead).
  app.removeContentTypeParser("text/plain");
  app.addSchema(components);
  app.addHook("onRequest", async (request, reply) => {
    reply.header("X-Request-Id", request.id);
  });
  app.setNotFoundHandler((request, reply) => {
    const { error, allow } = noRoute(request.method, request.url.split("?")[0] ?? request.url);
    if (allow) reply.header("Allow", allow);
    return reply.code(error.status).send(errorBody(error, request.id));
  });
  // Errors answer in the envelope; stack traces go to the log, never to the client.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = error.validation
      ? validationFailed(
          schemaErrorDetails(
            LOCATIONS[error.validationContext ?? "body"] ?? "body",
            error.validation,
          ),
        )
      : toApiError(error);
    if (!(error instanceof ApiError) && apiError.status >= 500) request.log.error(error);
    return reply.code(apiError.status).send(errorBody(apiError, request.id));
  });

${uses.join("\n")}
  return app;
}

/** Start the app on \`host:port\`; rejects when it cannot listen (e.g. the port is taken). */
export async function listen(port: number, host: string): Promise<void> {
  const app = await createApp();
  await app.listen({ port, host });
}
`;
}
