import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsFromSpec, runAudit } from "../../../src/engine/audit/index.js";
import {
  FRAMEWORKS,
  type Framework,
  generate,
  loadSpec,
} from "../../../src/engine/scaffold/index.js";
import { repoRoot } from "../../helpers/cli.js";
import { bootGeneratedApp, compileGeneratedApps } from "../../helpers/generated-apps.js";

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
  tsc = compileGeneratedApps(root, { noUnusedLocals: false });
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const boot = (framework: Framework) => bootGeneratedApp(join(root, "dist", framework), framework);

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
