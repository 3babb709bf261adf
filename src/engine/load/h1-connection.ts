import { createRequire } from "node:module";
import { connect, type Socket } from "node:net";
import util from "node:util";
import type { Dispatcher } from "undici";

/**
 * The plain-HTTP/1.1 fast path: one keep-alive socket, the request bytes built once for the whole
 * run, responses parsed by Node's own llhttp binding (the parser node:http uses). Per request this
 * is one socket write and one parse, with no request object, header validation or promise, which
 * is what makes the generator cheaper than the target it measures. It speaks to the same handler
 * interface as an undici Client, so the request loop cannot tell them apart; TLS and HTTP/2 stay
 * on undici.
 */
export interface Connection {
  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): void;
  destroy(): Promise<void>;
}

interface LlhttpParser {
  initialize(type: number, resource: object, maxHeaderSize?: number): void;
  execute(chunk: Buffer): number | Error;
  finish(): number | Error | undefined;
  /** Parse straight from a stream handle's reads (no Buffer, no 'data' event per read). */
  consume(handle: object): void;
  unconsume(): void;
  close(): void;
  [key: number]: unknown;
}

interface LlhttpParserClass {
  new (): LlhttpParser;
  RESPONSE: number;
  kOnHeaders: number;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
  kOnExecute: number;
}

// node:_http_common is Node's own module for its HTTP parser (public since Node 0.x, no warning).
const { HTTPParser } = createRequire(import.meta.url)("node:_http_common") as {
  HTTPParser: LlhttpParserClass;
};

interface StreamHandle {
  isStreamBase?: boolean;
  writeBuffer(req: WriteRequest, data: Buffer): number;
}

interface WriteRequest {
  handle: StreamHandle;
  connection: H1Connection;
  oncomplete: (this: WriteRequest, status: number) => void;
  async: boolean;
  buffer: Buffer;
}

/**
 * Node's write request for a stream handle (what `socket.write` makes internally). Writing the
 * request bytes to the connected handle skips the Writable stream's queue, callbacks and
 * next-tick per request; a write the kernel cannot take at once completes in `oncomplete`.
 * process.binding("stream_wrap") is on Node's allow list; without it, `socket.write` is used.
 */
const streamWrap = (() => {
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding(
      "stream_wrap",
    ) as { WriteWrap?: new () => WriteRequest };
    return typeof binding.WriteWrap === "function" ? binding.WriteWrap : undefined;
  } catch {
    return undefined;
  }
})();

/** Request bytes for every send of a run: request line, headers, body. */
export function requestBytes(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Buffer | undefined {
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`];
  const names = new Set(Object.keys(headers).map((n) => n.toLowerCase()));
  if (!names.has("host")) lines.push(`host: ${url.host}`);
  for (const [name, value] of Object.entries(headers)) {
    // Anything that could split a header line goes the validating (undici) way instead.
    if (/[\r\n\0]/.test(name) || /[\r\n\0]/.test(value) || /[^\x21-\x7e]/.test(name))
      return undefined;
    lines.push(`${name}: ${value}`);
  }
  const payload = body === undefined ? undefined : Buffer.from(body);
  if (payload && !names.has("content-length")) lines.push(`content-length: ${payload.length}`);
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return payload ? Buffer.concat([head, payload]) : head;
}

class SocketClosed extends Error {
  readonly code = "UND_ERR_SOCKET";
  constructor() {
    super("other side closed");
  }
}

/** A finished (or aborted) exchange's controller: aborting it tears the connection down. */
class Controller implements Dispatcher.DispatchController {
  aborted = false;
  paused = false;
  reason: Error | null = null;
  constructor(private readonly connection: H1Connection) {}
  abort(reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.connection.fail(reason, this);
  }
  pause(): void {}
  resume(): void {}
}

export class H1Connection implements Connection {
  private socket: Socket | undefined;
  /** The socket's handle once connected, written to directly (see `streamWrap`). */
  private handle: StreamHandle | undefined;
  /** The socket's handle from its creation, until it is connected with no write queued. */
  private raw: StreamHandle | undefined;
  private parser: LlhttpParser | undefined;
  private handler: Dispatcher.DispatchHandler | undefined;
  private controller: Controller | undefined;
  private status = 0;
  private keepAlive = true;
  private closed = false;

  constructor(
    private readonly port: number,
    private readonly host: string,
    private readonly request: Buffer,
    private readonly head: boolean,
  ) {}

  dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): void {
    const controller = new Controller(this);
    this.handler = handler;
    this.controller = controller;
    handler.onRequestStart?.(controller, {});
    if (this.closed) {
      this.fail(new Error("connection destroyed"), controller);
      return;
    }
    if (!this.socket) this.open();
    const socket = this.socket!;
    if (this.raw && !socket.connecting && socket.writableLength === 0) {
      this.handle = this.raw;
      this.raw = undefined;
    }
    if (this.handle && !socket.destroyed) this.write(this.handle);
    else socket.write(this.request);
  }

  private write(handle: StreamHandle): void {
    const req = new streamWrap!();
    req.handle = handle;
    req.async = false;
    req.buffer = this.request;
    req.connection = this;
    req.oncomplete = written;
    const status = handle.writeBuffer(req, this.request);
    if (status < 0) this.fail(writeError(status));
  }

  /** A write to `handle` that had to wait for the kernel failed. */
  writeFailed(handle: StreamHandle, status: number): void {
    if (this.handle === handle) this.fail(writeError(status));
  }

  private open(): void {
    const socket = connect(this.port, this.host);
    socket.setNoDelay(true);
    const parser = new HTTPParser();
    parser.initialize(HTTPParser.RESPONSE, {}, 0);
    let headers = NO_HEADERS;
    const onBody = (chunk: Buffer) => {
      if (this.parser !== parser) return;
      if (this.status >= 200 && this.handler && this.controller)
        this.handler.onResponseData?.(this.controller, chunk);
    };
    let bodyCallback = true;
    // Every callback first checks the parser is still this connection's: after a failure the
    // rest of a chunk may still be parsed, and must not reach the next request's handler.
    parser[HTTPParser.kOnHeaders] = (more: string[]) => {
      if (this.parser !== parser) return;
      headers = headers.concat(more);
    };
    parser[HTTPParser.kOnHeadersComplete] = (
      _major: number,
      _minor: number,
      list: string[] | undefined,
      _method: unknown,
      _url: unknown,
      statusCode: number,
      _statusMessage: unknown,
      _upgrade: unknown,
      keepAlive: boolean,
    ) => {
      if (this.parser !== parser) return 1;
      if (list) headers = headers.length ? headers.concat(list) : list;
      this.status = statusCode;
      this.keepAlive = keepAlive;
      let length = -1;
      const handler = this.handler as (Dispatcher.DispatchHandler & BodyCounter) | undefined;
      if (statusCode >= 200 && handler && this.controller) {
        handler.onResponseStart?.(
          this.controller,
          statusCode,
          statusCode === 429 ? headerObject(headers) : EMPTY,
          "",
        );
        // A body of known length is counted here and never copied out of the parser.
        if (handler.onResponseBytes && !this.head && statusCode !== 204 && statusCode !== 304) {
          length = contentLength(headers);
          if (length >= 0) handler.onResponseBytes(length);
        }
      }
      if (length >= 0 === bodyCallback) {
        bodyCallback = !bodyCallback;
        parser[HTTPParser.kOnBody] = bodyCallback ? onBody : undefined;
      }
      headers = NO_HEADERS;
      // 1 = no body follows (a response to HEAD).
      return this.head ? 1 : 0;
    };
    parser[HTTPParser.kOnBody] = onBody;
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (this.parser !== parser || this.status < 200) return; // 1xx: the real response follows
      const { handler, controller } = this;
      this.handler = undefined;
      this.controller = undefined;
      // The server closes after this response: the next request opens a new connection.
      if (!this.keepAlive) this.fail(new SocketClosed());
      if (handler && controller) handler.onResponseEnd?.(controller, EMPTY);
    };
    // The parser reads the socket's handle itself, as node:http's server does: no chunk Buffer,
    // stream bookkeeping or 'data' event per response. End of stream and errors still reach the
    // socket. Where the handle cannot be consumed, chunks arrive as 'data' instead.
    const handle = (socket as unknown as { _handle?: StreamHandle })._handle;
    if (handle?.isStreamBase) {
      if (streamWrap) this.raw = handle;
      parser.consume(handle);
      parser[HTTPParser.kOnExecute] = (result: number | Error) => {
        if (result instanceof Error && this.parser === parser) this.fail(result);
      };
    }
    socket.on("data", (chunk: Buffer) => {
      if (this.parser !== parser) return;
      const result = parser.execute(chunk);
      if (result instanceof Error && this.parser === parser) this.fail(result);
    });
    socket.on("end", () => {
      if (this.parser !== parser) return;
      // A response without a length ends with the connection.
      const result = parser.finish();
      if (result instanceof Error && this.parser === parser) this.fail(result);
    });
    socket.on("error", (error: Error) => this.fail(error));
    socket.on("close", () => this.fail(new SocketClosed()));
    this.socket = socket;
    this.parser = parser;
  }

  /** The connection broke (or its request was aborted): fail the open request, reconnect on the next. */
  fail(error: Error, only?: Controller): void {
    if (only && only !== this.controller) return;
    const { handler, controller, socket, parser } = this;
    this.handler = undefined;
    this.controller = undefined;
    if (socket) {
      this.socket = undefined;
      this.handle = undefined;
      this.raw = undefined;
      this.parser = undefined;
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.destroy();
      // Closed later, never here: this may run inside the parser's own callback.
      if (parser)
        setImmediate(() => {
          parser.unconsume();
          parser.close();
        });
    }
    if (handler && controller) handler.onResponseError?.(controller, error);
  }

  destroy(): Promise<void> {
    this.closed = true;
    const socket = this.socket;
    this.fail(new Error("connection destroyed"));
    if (!socket || socket.closed) return Promise.resolve();
    return new Promise((resolve) => socket.once("close", () => resolve()));
  }
}

/** A handler that takes a body's length instead of its bytes (see `onResponseData`). */
export interface BodyCounter {
  onResponseBytes?(length: number): void;
}

const NO_HEADERS: string[] = [];

/** The Content-Length of a response's flat header list; -1 when absent or chunked. */
function contentLength(flat: string[]): number {
  let length = -1;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const name = flat[i]!;
    if (name.length === 14 && name.toLowerCase() === "content-length") {
      const n = Number(flat[i + 1]);
      if (!Number.isSafeInteger(n) || n < 0) return -1;
      length = n;
    } else if (name.length === 17 && name.toLowerCase() === "transfer-encoding") return -1;
  }
  return length;
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Response headers as an object (only for a 429, whose rate-limit headers are reported). */
function headerObject(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!.toLowerCase()] = flat[i + 1]!;
  return out;
}

/** Node calls this on the write request when a write that had to wait finished. */
function written(this: WriteRequest, status: number): void {
  if (status < 0) this.connection.writeFailed(this.handle, status);
}

/** A failed write, as `socket.write` would report it (`EPIPE`, `ECONNRESET`). */
function writeError(status: number): Error {
  const code = util.getSystemErrorName(status);
  return Object.assign(new Error(`write ${code}`), { code, errno: status, syscall: "write" });
}
