import { createRequire } from "node:module";
import { type Connection, H1Connection, requestBytes } from "./h1-connection.js";
import type { LoadPlan } from "./types.js";

/** Streams per HTTP/2 connection when the plan does not say. */
export const DEFAULT_H2_STREAMS = 10;

/**
 * How one thread's connections are made. HTTP/1.1: one request at a time per connection.
 * HTTP/2 (`plan.http2`): ALPN over TLS, h2c (prior knowledge) over plain HTTP, several streams
 * per connection. Our own sweep enforces `timeoutMs`; undici's timers are only a backstop.
 */
export interface ConnectionPlan {
  /** Connections to open (each opens on its first request). */
  connections: number;
  /** Requests one connection carries at once. */
  slots: number;
  create(): Connection;
}

export function connectionPlan(plan: LoadPlan): ConnectionPlan {
  const url = new URL(plan.url);
  const backstop = plan.timeoutMs + 1_000;
  const h2 = plan.http2 === true;
  const streams = h2 ? Math.max(1, plan.streams ?? DEFAULT_H2_STREAMS) : 1;
  const connections = Math.max(1, Math.ceil(plan.concurrency / streams));
  const tls = url.protocol === "https:";
  // Plain HTTP/1.1: our own lean connection (see h1-connection.ts); TLS and HTTP/2 go through undici.
  const bytes =
    !tls && !h2 && plan.method !== "CONNECT"
      ? requestBytes(url, plan.method, plan.headers, plan.body)
      : undefined;
  if (bytes) {
    const port = Number(url.port || 80);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const head = plan.method === "HEAD";
    return { connections, slots: 1, create: () => new H1Connection(port, host, bytes, head) };
  }
  // undici (a hundred modules) loads only for the runs that use it.
  const { Client } = createRequire(import.meta.url)("undici") as typeof import("undici");
  const create = () =>
    new Client(url.origin, {
      pipelining: streams,
      headersTimeout: backstop,
      bodyTimeout: backstop,
      connectTimeout: plan.timeoutMs,
      keepAliveTimeout: 30_000,
      allowH2: h2,
      ...(h2 ? { h2Options: { useH2c: !tls, maxConcurrentStreams: streams } } : {}),
      ...(tls ? { connect: { rejectUnauthorized: !plan.insecure } } : {}),
    });
  return { connections, slots: streams, create };
}
