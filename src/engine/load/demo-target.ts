import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

/** How the built-in demo target behaves. */
export interface DemoProfile {
  /** Base response delay in ms. */
  latencyMs: number;
  /** Extra random delay, uniform in [0, jitterMs). */
  jitterMs: number;
  /** Fraction of requests answered with 500 (0–1). */
  errorRate: number;
  /** Fraction of requests that take 10× longer (a slow tail). */
  slowRate: number;
}

export const DEMO_DEFAULTS: DemoProfile = {
  latencyMs: 20,
  jitterMs: 10,
  errorRate: 0.01,
  slowRate: 0.01,
};

export interface DemoTarget {
  url: string;
  profile: DemoProfile;
  close(): Promise<void>;
}

const BODY = JSON.stringify({ ok: true, service: "senior-backend demo target" });

/**
 * A local HTTP target on 127.0.0.1 (ephemeral port) with a configurable latency/error profile,
 * so a first run needs no server of one's own. Request bodies are read and discarded.
 */
export async function startDemoTarget(profile: Partial<DemoProfile> = {}): Promise<DemoTarget> {
  const p: DemoProfile = { ...DEMO_DEFAULTS, ...profile };
  // Required here, not imported: importing node:http as a module evaluates its lazy exports,
  // which loads Node's bundled fetch (about a tenth of a second) in every run of every command.
  const { createServer } = createRequire(import.meta.url)(
    "node:http",
  ) as typeof import("node:http");
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const roll = Math.random();
    const slow = Math.random() < p.slowRate ? 10 : 1;
    const delay = (p.latencyMs + Math.random() * p.jitterMs) * slow;
    setTimeout(() => {
      if (roll < p.errorRate) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end('{"error":"injected failure"}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(BODY);
    }, delay);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/demo`,
    profile: p,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
