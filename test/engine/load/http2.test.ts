import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planLoad, recommend, runLoad } from "../../../src/engine/load/index.js";
import { runHeadline } from "../../../src/report/load-report-text.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** An HTTP/2 server on 127.0.0.1 counting sessions (connections) and streams (requests). */
async function h2Target(secure?: { key: string; cert: string }) {
  const server = secure
    ? http2.createSecureServer({ ...secure, allowHTTP1: false })
    : http2.createServer();
  let sessions = 0;
  let streams = 0;
  server.on("session", (s) => {
    sessions += 1;
    cleanups.push(() => s.destroy());
  });
  server.on("stream", (stream: http2.ServerHttp2Stream) => {
    streams += 1;
    setTimeout(() => {
      stream.respond({ ":status": 200 });
      stream.end("ok");
    }, 5);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${secure ? "https" : "http"}://127.0.0.1:${port}/`,
    sessions: () => sessions,
    streams: () => streams,
  };
}

function selfSignedCert(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "sb-load-h2-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
  } catch {
    return undefined;
  }
  return {
    key: readFileSync(join(dir, "key.pem"), "utf8"),
    cert: readFileSync(join(dir, "cert.pem"), "utf8"),
  };
}

describe("--http2", () => {
  it("speaks h2c to a plain-HTTP target, several streams on each connection", async () => {
    const t = await h2Target();
    const r = await runLoad(
      planLoad({ url: t.url, http2: true, streams: 8, concurrency: 16, requests: 400, workers: 1 }),
    );
    expect(r.protocol).toBe("h2");
    expect(r.successes).toBe(400);
    expect(t.streams()).toBe(400);
    // 16 in flight over 8 streams each: 2 connections, not 16.
    expect(t.sessions()).toBe(2);
    // The headline counts requests in flight, not 16 connections.
    expect(runHeadline(r)).toContain("— 16 in flight (closed loop), HTTP/2,");
  });

  const cert = selfSignedCert();
  it.skipIf(!cert)(
    "negotiates h2 by ALPN over TLS with --insecure for a self-signed certificate (skipped: no openssl to make one)",
    async () => {
      const t = await h2Target(cert!);
      const refused = await runLoad(
        planLoad({ url: t.url, http2: true, concurrency: 4, requests: 20, workers: 1 }),
      );
      expect(refused.successes).toBe(0);
      expect(refused.errors.tls).toBeGreaterThan(0);
      // The user is told which flag accepts a test server's certificate.
      expect(recommend(refused)[0]!.message).toMatch(
        /every request failed \(TLS error.*--insecure/,
      );
      const r = await runLoad(
        planLoad({
          url: t.url,
          http2: true,
          insecure: true,
          concurrency: 4,
          requests: 100,
          workers: 1,
        }),
      );
      expect(r.successes).toBe(100);
      expect(t.sessions()).toBeLessThanOrEqual(2);
    },
  );
});
