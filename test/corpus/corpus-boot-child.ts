/**
 * Child process of the scaffold corpus run: boot compiled generated apps one after another, send
 * one request per operation and one to an unknown path, print one JSON line per app.
 *
 *   node test/corpus/corpus-boot-child.ts <jobs.json>
 * jobs.json: [{ id, framework, dist, requests: [{ method, path }] }]
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

interface Job {
  id: string;
  framework: string;
  dist: string;
  requests: Array<{ method: string; path: string }>;
}

const jobs = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Job[];
const REQUEST_TIMEOUT_MS = 5_000;

for (const job of jobs) {
  const line: Record<string, unknown> = {
    id: job.id,
    framework: job.framework,
    booted: false,
    answered: 0,
    total: job.requests.length,
  };
  let close = async () => {};
  try {
    const mod = (await import(pathToFileURL(join(job.dist, "app.js")).href)) as {
      createApp(): unknown;
    };
    const app = await mod.createApp();
    let base: string;
    if (job.framework === "fastify") {
      const fastify = app as { listen(o: object): Promise<string>; close(): Promise<void> };
      base = await fastify.listen({ port: 0, host: "127.0.0.1" });
      close = () => fastify.close();
    } else {
      const server = await new Promise<Server>((done, fail) => {
        const s = (app as { listen(p: number, h: string, cb: () => void): Server }).listen(
          0,
          "127.0.0.1",
          () => done(s),
        );
        s.on("error", fail);
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () =>
        new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        });
    }
    line.booted = true;
    const failures: string[] = [];
    for (const request of job.requests) {
      const response = await fetch(base + request.path, {
        method: request.method,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers:
          request.method === "GET" || request.method === "HEAD"
            ? {}
            : { "content-type": "application/json" },
        body: request.method === "GET" || request.method === "HEAD" ? undefined : "{}",
      });
      const text = await response.text();
      // Answered: the route matched (not 404/405) and the app answered without an unexpected 5xx
      // (501 is the stub; 400 validation, 401 security and 415 media type are the app working).
      const ok =
        response.status !== 404 &&
        response.status !== 405 &&
        (response.status < 500 || response.status === 501);
      const enveloped =
        request.method === "HEAD" || response.status === 204 || /"error"|"data"/.test(text);
      if (ok && enveloped) line.answered = (line.answered as number) + 1;
      else if (failures.length < 3)
        failures.push(
          `${request.method} ${request.path} → ${response.status} ${text.slice(0, 120).replace(/\s+/g, " ")}`,
        );
    }
    const unknown = await fetch(`${base}/__corpus_unknown_path__/x`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await unknown.text();
    line.notFound = unknown.status === 404 && /"error"/.test(body) && /NOT_FOUND/.test(body);
    if (!line.notFound && failures.length < 3)
      failures.push(`unknown path → ${unknown.status} ${body.slice(0, 120)}`);
    if (failures.length > 0) line.failures = failures;
  } catch (error) {
    line.error = String((error as Error)?.message ?? error)
      .split("\n")[0]!
      .slice(0, 300);
  } finally {
    await close().catch(() => {});
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
process.exit(0);
