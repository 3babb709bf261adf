import type { Framework } from "../scaffold-options.js";

/** The ajv core shared by the Express and Koa `validation.ts`. */
const core = `/** The request as the framework hands it over, before validation. */
export interface RawRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** The validated request a handler receives (values coerced to the spec's types). */
export interface ValidatedRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  cookies: Record<string, unknown>;
  body: unknown;
}

const options = { allErrors: true, strict: false, useDefaults: true } as const;
/** JSON bodies are checked as sent; parameters and form fields arrive as text and are coerced. */
const exact = new Ajv2020(options);
const coercing = new Ajv2020({ ...options, coerceTypes: "array" });
for (const ajv of [exact, coercing]) {
  addFormats(ajv);
  ajv.addSchema(components);
}

const SLOTS = [
  ["params", "path"],
  ["query", "query"],
  ["headers", "header"],
  ["cookies", "cookie"],
] as const;

interface CompiledRequest {
  parts: Array<{ slot: (typeof SLOTS)[number][0]; location: string; check: ValidateFunction }>;
  bodies: Map<string, ValidateFunction>;
  bodyRequired: boolean;
}

function compile(schemas: RequestSchemas): CompiledRequest {
  const parts: CompiledRequest["parts"] = [];
  for (const [slot, location] of SLOTS) {
    const schema = schemas[slot];
    if (schema !== undefined) parts.push({ slot, location, check: coercing.compile(schema) });
  }
  const bodies = new Map<string, ValidateFunction>();
  for (const [type, schema] of Object.entries(schemas.body ?? {})) {
    bodies.set(type, (isForm(type) ? coercing : exact).compile(schema));
  }
  return { parts, bodies, bodyRequired: schemas.bodyRequired };
}

const isForm = (type: string) =>
  type === "application/x-www-form-urlencoded" || type === "multipart/form-data";

/** Cookies from the \`Cookie\` header. */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  const text = Array.isArray(header) ? header.join("; ") : (header ?? "");
  for (const pair of text.split(";")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

function hasBody(headers: RawRequest["headers"]): boolean {
  const length = headers["content-length"];
  return headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** Check a request against its operation's schemas; throws a 400 (or 415) ApiError naming the fields. */
function check(compiled: CompiledRequest, raw: RawRequest): ValidatedRequest {
  const input: ValidatedRequest = {
    params: { ...raw.params },
    query: { ...raw.query },
    headers: { ...raw.headers },
    cookies: parseCookies(raw.headers.cookie),
    body: raw.body,
  };
  const details: ErrorDetail[] = [];
  for (const { slot, location, check: validate } of compiled.parts) {
    if (!validate(input[slot])) {
      details.push(...schemaErrorDetails(location, validate.errors ?? []));
    }
  }
  if (compiled.bodies.size > 0) {
    if (!hasBody(raw.headers)) {
      input.body = undefined;
      if (compiled.bodyRequired) details.push({ field: "body", message: "is required" });
    } else {
      const mediaType = String(raw.headers["content-type"] ?? "").split(";")[0] ?? "";
      const type = mediaType.trim().toLowerCase();
      const validate =
        compiled.bodies.get(type) ??
        (type.endsWith("+json") ? compiled.bodies.get("application/json") : undefined);
      if (!validate) {
        const accepted = [...compiled.bodies.keys()].join(", ");
        throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", \`Send the body as \${accepted}\`);
      }
      if (!validate(input.body)) {
        details.push(...schemaErrorDetails("body", validate.errors ?? []));
      }
    }
  }
  if (details.length > 0) throw validationFailed(details);
  return input;
}
`;

const expressTail = `
/**
 * Express middleware checking credentials (operations the spec secures; the caller goes to
 * \`res.locals.principal\`), then path, query, header, cookie and body against the spec; the
 * validated (and coerced) request goes to \`res.locals.input\`.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  const compiled = compile(schemas);
  return async (req, res, next) => {
    if (schemas.security) {
      res.locals.principal = await checkSecurity(schemas.security, {
        headers: req.headers,
        query: req.query as Record<string, unknown>,
        cookies: parseCookies(req.headers.cookie),
      });
    }
    res.locals.input = check(compiled, {
      params: req.params,
      query: req.query as Record<string, unknown>,
      headers: req.headers,
      body: req.body,
    });
    next();
  };
}
`;

const koaTail = `
/**
 * Koa middleware checking credentials (operations the spec secures; the caller goes to
 * \`ctx.state.principal\`), then path, query, header, cookie and body against the spec; the
 * validated (and coerced) request goes to \`ctx.state.input\`.
 */
export function validate(schemas: RequestSchemas): RouterMiddleware<AppState> {
  const compiled = compile(schemas);
  return async (ctx, next) => {
    if (schemas.security) {
      ctx.state.principal = await checkSecurity(schemas.security, {
        headers: ctx.headers,
        query: ctx.query,
        cookies: parseCookies(ctx.headers.cookie),
      });
    }
    ctx.state.input = check(compiled, {
      params: ctx.params,
      query: ctx.query,
      headers: ctx.headers,
      body: ctx.request.body,
    });
    await next();
  };
}
`;

/** `validation.ts` for Express or Koa: ajv validators compiled once at startup from schemas.ts. */
export function requestValidationSource(framework: Exclude<Framework, "fastify">): string {
  const imports =
    framework === "express"
      ? [
          'import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";',
          'import ajvFormats from "ajv-formats";',
          'import type { RequestHandler } from "express";',
        ]
      : [
          'import type { RouterMiddleware } from "@koa/router";',
          'import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";',
          'import ajvFormats from "ajv-formats";',
          'import type { AppState } from "./context.js";',
        ];
  imports.push(
    'import { ApiError, type ErrorDetail, schemaErrorDetails, validationFailed } from "./envelope.js";',
    'import { components, type RequestSchemas } from "./schemas.js";',
    'import { checkSecurity } from "./security.js";',
  );
  const formats =
    "\n// ajv-formats is CommonJS; its plugin is the default export's `default`.\nconst addFormats = ajvFormats.default;\n\n";
  return `${imports.join("\n")}\n${formats}${core}${framework === "express" ? expressTail : koaTail}`;
}
