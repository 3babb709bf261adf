import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { type AddressInfo, createServer as createTcpServer, type Server } from "node:net";

/** A local target for the load tests: 127.0.0.1, ephemeral port, closed after the test. */
export interface TestTarget {
  url: string;
  /** Requests the server received. */
  received(): number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closer(
  server: Server & { closeAllConnections?: () => void },
  sockets?: Set<import("node:net").Socket>,
) {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      for (const s of sockets ?? []) s.destroy();
      server.close(() => resolve());
    });
}

/** HTTP server answering every request with `respond` (after draining the request body). */
export async function httpTarget(
  respond: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<TestTarget & { pauseFor(ms: number): void }> {
  let count = 0;
  let pausedUntil = 0;
  const server = createHttpServer((req, res) => {
    count += 1;
    const n = count;
    req.resume();
    const wait = pausedUntil - Date.now();
    if (wait > 0) setTimeout(() => respond(req, res, n), wait);
    else respond(req, res, n);
  });
  server.keepAliveTimeout = 60_000;
  const base = await listen(server);
  return {
    url: `${base}/`,
    received: () => count,
    close: closer(server),
    pauseFor: (ms: number) => {
      pausedUntil = Date.now() + ms;
    },
  };
}

/** 200 after `delayMs`. */
export function delayTarget(delayMs: number) {
  return httpTarget((_req, res) => {
    setTimeout(() => res.end("ok"), delayMs);
  });
}

/** Always this status. */
export function statusTarget(status: number, headers: Record<string, string> = {}) {
  return httpTarget((_req, res) => {
    res.writeHead(status, headers);
    res.end(`status ${status}`);
  });
}

/** Raw TCP server: `onSocket` decides what happens to each connection. */
export async function tcpTarget(
  onSocket: (socket: import("node:net").Socket) => void,
): Promise<TestTarget> {
  let count = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.once("data", () => {
      count += 1;
      onSocket(socket);
    });
  });
  const base = await listen(server);
  return { url: `${base}/`, received: () => count, close: closer(server, sockets) };
}

/** A port nobody listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const base = await listen(server);
  await new Promise<void>((r) => server.close(() => r()));
  return `${base}/`;
}
