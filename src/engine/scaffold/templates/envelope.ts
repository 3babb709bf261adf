/** `envelope.ts` of the generated app: the response envelopes, ApiError, request ids (framework-neutral). */
export const envelopeSource = `import { randomUUID } from "node:crypto";

/** The largest request body accepted, in bytes (1 MiB); larger ones get 413 PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT_BYTES = 1_048_576;

/** One problem with a request: the field (\`body.name\`, \`query.limit\`, \`path.id\`, …) and what is wrong. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * Throw from a handler to answer with an error envelope, e.g.
 * \`throw new ApiError(404, "NOT_FOUND", "No pet with id 42")\`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ErrorDetail[];

  constructor(status: number, code: string, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** What a handler returns: the HTTP status and, unless the response has no body, its \`data\`. */
export type HandlerResult = { status: number; data?: unknown };

/** \`{"data": …, "meta": {"requestId": …}}\` */
export function successBody(data: unknown, requestId: string) {
  return { data, meta: { requestId } };
}

/** \`{"error": {"code", "message", "details"?}, "meta": {"requestId": …}}\` */
export function errorBody(error: ApiError, requestId: string) {
  const body: { code: string; message: string; details?: ErrorDetail[] } = {
    code: error.code,
    message: error.message,
  };
  if (error.details) body.details = error.details;
  return { error: body, meta: { requestId } };
}

/** The caller's \`X-Request-Id\` when it looks like an id (1–128 of \`A-Za-z0-9._-\`), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\\w.-]{1,128}$/.test(value) ? value : randomUUID();
}

const CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "UNPROCESSABLE_ENTITY",
  429: "RATE_LIMITED",
};

/**
 * Any thrown value as an ApiError. Client errors raised by the framework (bad JSON, body too
 * large) keep their status; everything else is a 500 whose message reveals nothing internal.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = status ?? statusCode;
  if (typeof code === "number" && code >= 400 && code < 500) {
    const message =
      code === 400 && isParseError(error)
        ? "Request body is not valid JSON"
        : String((error as Error).message);
    return new ApiError(code, CODES[code] ?? "BAD_REQUEST", message);
  }
  return new ApiError(500, "INTERNAL_ERROR", "Internal server error");
}

function isParseError(error: unknown): boolean {
  const { type, code } = error as { type?: unknown; code?: unknown };
  return (
    type === "entity.parse.failed" ||
    code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
    /JSON/i.test(String((error as Error).message))
  );
}

/** One error as a validator reports it (ajv's shape, which Fastify's validation shares). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Validator errors for one part of the request as envelope details naming each field. */
export function schemaErrorDetails(location: string, errors: SchemaError[]): ErrorDetail[] {
  return errors.map((error) => {
    const path = error.instancePath
      .split("/")
      .slice(1)
      .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
    const missing = error.params.missingProperty ?? error.params.additionalProperty;
    if (typeof missing === "string") path.push(missing);
    return { field: [location, ...path].join("."), message: describe(error) };
  });
}

function describe(error: SchemaError): string {
  switch (error.keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not allowed";
    case "enum": {
      const allowed = error.params.allowedValues;
      return Array.isArray(allowed)
        ? \`must be one of: \${allowed.join(", ")}\`
        : "is not an allowed value";
    }
    default:
      return error.message ?? "is invalid";
  }
}

/** The 400 VALIDATION_ERROR for a list of details. */
export function validationFailed(details: ErrorDetail[]): ApiError {
  const first = details[0];
  const summary = first ? \`\${first.field} \${first.message}\` : "the request is invalid";
  const more = details.length > 1 ? \` (and \${details.length - 1} more)\` : "";
  return new ApiError(400, "VALIDATION_ERROR", \`Invalid request: \${summary}\${more}\`, details);
}
`;
