import type { JsonValue } from "./static-value.js";

/** The request/response schemas a route declares, by part of the request. */
export interface RouteSchema {
  params?: JsonValue;
  querystring?: JsonValue;
  headers?: JsonValue;
  cookies?: JsonValue;
  /** One schema (Fastify, hand-written validators), taken as application/json. */
  body?: JsonValue;
  /** Body schema per content type (scaffolded `RequestSchemas`). */
  bodyContent?: { [contentType: string]: JsonValue };
  bodyRequired?: boolean;
  response?: JsonValue;
}
