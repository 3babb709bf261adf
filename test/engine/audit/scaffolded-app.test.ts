import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsFromSpec, runAudit } from "../../../src/engine/audit/index.js";
import {
  FRAMEWORKS,
  type Framework,
  generate,
  loadSpec,
} from "../../../src/engine/scaffold/index.js";
import { repoRoot } from "../../helpers/cli.js";

/**
 * The apps `scaffold` generates must pass the audit with no error-level findings:
 * generate the audit fixture spec for each framework, compile once, boot each on 127.0.0.1, audit it.
 */
const root = join(repoRoot, ".tmp", `audit-scaffolded-${process.pid}`);
const spec = resolve(repoRoot, "test/fixtures/audit/users.openapi.yaml");
let tsc: { status: number | null; output: string };

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const { model } = await loadSpec(spec);
  for (const framework of FRAMEWORKS)
    await generate(model, { framework, outputDir: join(root, "src", framework) });
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        lib: ["ES2023"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        types: ["node"],
        rootDir: "src",
        outDir: "dist",
      },
      include: ["src"],
    }),
  );
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", root],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  tsc = { status: run.status, output: `${run.stdout}${run.stderr}` };
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function boot(framework: Framework): Promise<{ base: string; close(): Promise<void> }> {
  const { createApp } = (await import(
    pathToFileURL(join(root, "dist", framework, "app.js")).href
  )) as {
    createApp(): unknown;
  };
  const app = await createApp();
  if (framework === "fastify") {
    const fastify = app as { listen(o: object): Promise<string>; close(): Promise<void> };
    return {
      base: await fastify.listen({ port: 0, host: "127.0.0.1" }),
      close: () => fastify.close(),
    };
  }
  const server = await new Promise<Server>((done) => {
    const s = (app as { listen(port: number, host: string, cb: () => void): Server }).listen(
      0,
      "127.0.0.1",
      () => done(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

it("the generated apps compile", () => {
  expect(tsc.output).toBe("");
});

describe.each(FRAMEWORKS)("the scaffolded %s app", (framework) => {
  it("passes the audit with no error-level findings", async () => {
    const app = await boot(framework);
    try {
      const { operations, expectsAsymmetricJwt } = await operationsFromSpec(spec);
      const report = await runAudit({
        target: app.base,
        operations,
        expectsAsymmetricJwt,
        burst: 20,
        maxRequests: 300,
        timeoutMs: 5_000,
      });
      const errors = report.findings.filter((f) => f.severity === "error");
      expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
      // It did exercise the validators: every operation with a body or typed parameter got negative requests.
      expect(report.requestsSent).toBeGreaterThan(25);
      expect(report.checksRun).toContain("input-validation");
    } finally {
      await app.close();
    }
  });
});
