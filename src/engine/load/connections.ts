import { Client } from "undici";
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
  create(): Client;
}

export function connectionPlan(plan: LoadPlan): ConnectionPlan {
  const url = new URL(plan.url);
  const backstop = plan.timeoutMs + 1_000;
  const h2 = plan.http2 === true;
  const streams = h2 ? Math.max(1, plan.streams ?? DEFAULT_H2_STREAMS) : 1;
  const connections = Math.max(1, Math.ceil(plan.concurrency / streams));
  const tls = url.protocol === "https:";
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
