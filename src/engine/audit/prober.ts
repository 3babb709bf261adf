import { request } from "undici";
import { resolveOnTarget } from "./target-origin.js";
import type { ProbeExchange, ProbeRequest } from "./types.js";

/** Thrown when a check would send more than the user allowed; the runner stops cleanly. */
export class RequestBudgetExhausted extends Error {
  constructor() {
    super("request budget exhausted");
    this.name = "RequestBudgetExhausted";
  }
}

const BODY_LIMIT = 64 * 1024;

/**
 * Sends the audit's requests: only to the target's origin (every URL is built by `resolveOnTarget`,
 * redirects are never followed), never more than `maxRequests`, each bounded by `timeoutMs`,
 * bodies cut at 64 KiB. Keeps the last exchanges for the leakage and response scans.
 */
export class Prober {
  sent = 0;
  /** Set when a check did less than it wanted because the request budget ran out. */
  truncated = false;
  /** Requests that got no answer within the per-request timeout. */
  timeouts = 0;
  readonly exchanges: ProbeExchange[] = [];
  private readonly origin: URL;

  constructor(
    target: string,
    private readonly options: {
      maxRequests: number;
      timeoutMs: number;
      signal?: AbortSignal;
      onRequest?: (sent: number) => void;
      /** Hides the credentials in what the server sends back (some servers echo them). */
      mask?: (text: string) => string;
    },
  ) {
    this.origin = new URL(target);
  }

  remaining(): number {
    return this.options.maxRequests - this.sent;
  }

  /** The request URL for a path on the target (throws OffOriginError for anything else). */
  url(path: string): URL {
    return resolveOnTarget(this.origin, path);
  }

  async send(req: ProbeRequest): Promise<ProbeExchange> {
    if (this.options.signal?.aborted) throw this.options.signal.reason ?? new Error("interrupted");
    const url = this.url(req.path);
    if (this.sent >= this.options.maxRequests) {
      this.truncated = true;
      throw new RequestBudgetExhausted();
    }
    this.sent += 1;
    this.options.onRequest?.(this.sent);
    const started = performance.now();
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let exchange: ProbeExchange;
    try {
      // undici's request() follows no redirects: a 3xx to another origin is reported, never fetched.
      const res = await request(url, {
        method: req.method as "GET",
        headers: req.headers,
        body: req.body,
        signal,
      });
      const { text: body, cut } = await readLimited(res.body);
      exchange = {
        request: req,
        status: res.statusCode,
        headers: res.headers as Record<string, string | string[]>,
        body: this.options.mask ? this.options.mask(body) : body,
        bodyCut: cut || undefined,
        timeMs: performance.now() - started,
      };
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      if (error instanceof Error && error.name === "TimeoutError") this.timeouts += 1;
      exchange = {
        request: req,
        headers: {},
        body: "",
        error: describeFailure(error, this.options.timeoutMs),
        timeMs: performance.now() - started,
      };
    }
    this.exchanges.push(exchange);
    if (this.exchanges.length > 500) this.exchanges.shift();
    return exchange;
  }
}

/** Why a request got no response: undici's error code, or the timeout (a DOMException, code 23). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError")
    return `no response within ${timeoutMs / 1000} s`;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}

async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): void },
): Promise<{ text: string; cut: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= BODY_LIMIT) {
      body.destroy();
      break;
    }
  }
  return {
    text: Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString("utf8"),
    cut: size >= BODY_LIMIT,
  };
}

export function header(exchange: ProbeExchange, name: string): string | undefined {
  const value = exchange.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A short one-line description of a request for evidence. */
export function describeRequest(req: ProbeRequest): string {
  const extra = Object.entries(req.headers ?? {})
    .filter(([k]) => k.toLowerCase() !== "content-type" && k.toLowerCase() !== "authorization")
    .map(([k, v]) => `${k}: ${v}`);
  const body =
    req.body === undefined
      ? ""
      : ` body: ${req.body.length > 80 ? `${req.body.slice(0, 77)}… (${req.body.length} bytes)` : req.body}`;
  return `${req.method} ${req.path}${extra.length ? ` [${extra.join("; ")}]` : ""}${body}`;
}

export function describeStatus(exchange: ProbeExchange): string {
  return exchange.status === undefined
    ? `no response (${exchange.error})`
    : `HTTP ${exchange.status}`;
}
