import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { redactHeaderLine, UserError } from "../shared/index.js";
import { DEFAULT_H2_STREAMS } from "./connections.js";
import { parseRamp, rampDurationMs } from "./ramp.js";
import { parseDurationMs, parsePositiveInt, parsePositiveNumber } from "./time-units.js";
import type { LoadPlan } from "./types.js";

/** What a user typed (CLI flags or the TUI form), before validation. */
export interface LoadInput {
  url: string;
  method?: string;
  /** `Name: Value` lines. */
  headers?: string[];
  /** Literal body, or `@path` to read it from a file. */
  body?: string;
  concurrency?: string | number;
  /** Seconds, or a value with a unit (`30s`, `2m`). */
  duration?: string | number;
  requests?: string | number;
  rate?: string | number;
  ramp?: string;
  warmup?: string | number;
  timeout?: string | number;
  workers?: string | number;
  expectStatus?: string | number;
  expectRateLimit?: boolean;
  /** HTTP/2 (ALPN over TLS, h2c over plain HTTP) with this many streams per connection. */
  http2?: boolean;
  streams?: string | number;
  /** Accept self-signed TLS certificates. */
  insecure?: boolean;
  /** Where `@file` bodies are read from. */
  cwd?: string;
}

export const DEFAULTS = {
  concurrency: 10,
  durationMs: 10_000,
  timeoutMs: 10_000,
  /** With --requests and no --duration, the run still ends after this long. */
  requestsCapMs: 300_000,
} as const;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Default worker threads: leave one core for the main thread and the screen, at most 8. */
/** Worker threads one run uses at most (--workers says so in its help). */
const MAX_WORKERS = 8;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS));
}

/** Validate user input into a plan; every problem is a UserError (exit 2) with a hint. */
export function planLoad(input: LoadInput): LoadPlan {
  const url = checkUrl(input.url);
  const method = (input.method ?? "GET").toUpperCase();
  if (!METHODS.has(method)) {
    throw new UserError(`unknown method "${input.method}"`, {
      hint: `use one of ${[...METHODS].join(", ")}`,
    });
  }
  const headers: Record<string, string> = {};
  for (const line of input.headers ?? []) {
    const [name, value] = parseHeader(line);
    headers[name.toLowerCase()] = value;
  }
  // Credentials in the URL become Basic auth (as curl does); the URL itself never reaches a socket.
  const parsed = new URL(url);
  if ((parsed.username || parsed.password) && !headers.authorization) {
    const user = decodeURIComponent(parsed.username);
    const pass = decodeURIComponent(parsed.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
  }
  const body = input.body === undefined ? undefined : readBody(input.body, input.cwd);
  if (body !== undefined) {
    if (method === "GET" || method === "HEAD") {
      throw new UserError(`a ${method} request cannot carry --body`, {
        hint: "add --method POST (or PUT/PATCH)",
      });
    }
    if (!headers["content-type"] && looksLikeJson(body))
      headers["content-type"] = "application/json";
  }
  const ramp = input.ramp ? parseRamp(input.ramp) : undefined;
  const rate =
    input.rate !== undefined
      ? parsePositiveNumber(input.rate, "--rate")
      : ramp?.rate
        ? ramp.stages[0]!.target
        : undefined;
  const peakRate = Math.max(rate ?? 0, ...(ramp?.rate ? ramp.stages.map((s) => s.target) : []));
  const concurrency =
    input.concurrency !== undefined
      ? parsePositiveInt(input.concurrency, "--concurrency")
      : ramp && rate === undefined
        ? Math.max(...ramp.stages.map((s) => s.target))
        : rate !== undefined
          ? rateModeConnections(peakRate)
          : DEFAULTS.concurrency;
  if (concurrency > MAX_CONCURRENCY) {
    throw new UserError(
      `--concurrency ${concurrency}: at most ${MAX_CONCURRENCY} requests in flight`,
      {
        hint: "each connection needs a local port (65,535 at most); for more load, run several generators and add their --hdr-log files with load merge",
      },
    );
  }
  if (ramp && rate === undefined && Math.max(...ramp.stages.map((s) => s.target)) > concurrency) {
    throw new UserError("--ramp asks for more connections than --concurrency allows", {
      hint: "raise --concurrency to the ramp's highest level or leave it out",
    });
  }
  const requests =
    input.requests !== undefined ? parsePositiveInt(input.requests, "--requests") : undefined;
  const durationMs =
    input.duration !== undefined
      ? parseDurationMs(String(input.duration), "--duration")
      : ramp
        ? rampDurationMs(ramp.stages)
        : requests !== undefined
          ? DEFAULTS.requestsCapMs
          : DEFAULTS.durationMs;
  if (durationMs <= 0) throw new UserError("--duration must be above 0");
  const timeoutMs =
    input.timeout !== undefined
      ? parseDurationMs(String(input.timeout), "--timeout")
      : DEFAULTS.timeoutMs;
  if (timeoutMs <= 0) throw new UserError("--timeout must be above 0");
  const warmupMs =
    input.warmup !== undefined ? parseDurationMs(String(input.warmup), "--warmup") : 0;
  const requestedWorkers =
    input.workers !== undefined ? parsePositiveInt(input.workers, "--workers") : defaultWorkers();
  const workers = Math.max(
    1,
    Math.min(requestedWorkers, MAX_WORKERS, concurrency, requests ?? concurrency),
  );
  if (input.streams !== undefined && !input.http2)
    throw new UserError("--streams needs --http2", {
      hint: "HTTP/1.1 carries one request per connection; add --http2 for several streams",
    });
  const streams = input.http2
    ? Math.min(
        concurrency,
        input.streams !== undefined
          ? parsePositiveInt(input.streams, "--streams")
          : DEFAULT_H2_STREAMS,
      )
    : undefined;
  const expectStatus =
    input.expectStatus !== undefined ? checkStatus(input.expectStatus) : undefined;
  return {
    url,
    method,
    headers,
    body,
    concurrency,
    durationMs,
    requests,
    rate,
    ramp: ramp?.stages,
    warmupMs,
    timeoutMs,
    workers,
    expectStatus,
    expectRateLimit: Boolean(input.expectRateLimit),
    ...(input.http2 ? { http2: true, streams } : {}),
    ...(input.insecure ? { insecure: true } : {}),
  };
}

/** Requests in flight one generator may hold: one local port per connection. */
export const MAX_CONCURRENCY = 65_535;

/** Open loop without --concurrency: room for 250 ms of latency at the peak rate (16–1000). */
function rateModeConnections(peakRate: number): number {
  return Math.min(1000, Math.max(16, Math.ceil(peakRate / 4)));
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`"${text}" is not a URL`, {
      hint: "give a full URL such as http://127.0.0.1:3000/health, or --demo for a built-in target",
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError(`unsupported scheme "${url.protocol}" in ${text}`, {
      hint: "load tests speak http:// or https://",
    });
  }
  if (!url.hostname) throw new UserError(`"${text}" has no host`);
  return url.toString();
}

function parseHeader(line: string): [string, string] {
  const at = line.indexOf(":");
  const name = at > 0 ? line.slice(0, at).trim() : "";
  const value = at > 0 ? line.slice(at + 1).trim() : "";
  if (!HEADER_NAME.test(name) || /[\r\n]/.test(value)) {
    throw new UserError(`malformed header "${redactHeaderLine(line)}"`, {
      hint: 'write headers as "Name: Value", e.g. --header "Content-Type: application/json"',
    });
  }
  return [name, value];
}

function readBody(text: string, cwd = process.cwd()): string {
  if (!text.startsWith("@")) {
    if (looksLikeJson(text)) checkJson(text, "--body");
    return text;
  }
  const path = resolve(cwd, text.slice(1));
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read body file ${path}${code ? ` (${code})` : ""}`, {
      hint: "--body @FILE reads the request body from FILE",
    });
  }
  if (path.endsWith(".json") || looksLikeJson(content)) checkJson(content, `body file ${path}`);
  return content;
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function checkJson(text: string, what: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UserError(`${what} is not valid JSON: ${(error as Error).message}`, {
      hint: "quote the body for the shell, e.g. --body '{\"product_id\": 1}'",
    });
  }
}

function checkStatus(value: string | number): number {
  const status = Number(value);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new UserError(`--expect-status: "${value}" is not an HTTP status code`);
  }
  return status;
}
