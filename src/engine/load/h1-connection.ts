import { createRequire } from "node:module";
import { connect, type Socket } from "node:net";
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
}

// node:_http_common is Node's own module for its HTTP parser (public since Node 0.x, no warning).
const { HTTPParser } = createRequire(import.meta.url)("node:_http_common") as {
  HTTPParser: LlhttpParserClass;
};

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
    this.socket!.write(this.request);
  }

  private open(): void {
    const socket = connect(this.port, this.host);
    socket.setNoDelay(true);
    const parser = new HTTPParser();
    parser.initialize(HTTPParser.RESPONSE, {}, 0);
    let headers: string[] = [];
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
      if (statusCode >= 200 && this.handler && this.controller) {
        this.handler.onResponseStart?.(
          this.controller,
          statusCode,
          statusCode === 429 ? headerObject(headers) : EMPTY,
          "",
        );
      }
      headers = [];
      // 1 = no body follows (a response to HEAD).
      return this.head ? 1 : 0;
    };
    parser[HTTPParser.kOnBody] = (chunk: Buffer) => {
      if (this.parser !== parser) return;
      if (this.status >= 200 && this.handler && this.controller)
        this.handler.onResponseData?.(this.controller, chunk);
    };
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (this.parser !== parser || this.status < 200) return; // 1xx: the real response follows
      const { handler, controller } = this;
      this.handler = undefined;
      this.controller = undefined;
      // The server closes after this response: the next request opens a new connection.
      if (!this.keepAlive) this.fail(new SocketClosed());
      if (handler && controller) handler.onResponseEnd?.(controller, EMPTY);
    };
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
      this.parser = undefined;
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.destroy();
      // Closed later, never here: this may run inside the parser's own callback.
      if (parser) setImmediate(() => parser.close());
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

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Response headers as an object (only for a 429, whose rate-limit headers are reported). */
function headerObject(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!.toLowerCase()] = flat[i + 1]!;
  return out;
}
