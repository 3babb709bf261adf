/**
 * `decide --json` for each status, and `decide --list-profiles --json`, validate against
 * docs/json/decide.schema.json and docs/json/decide-list-profiles.schema.json.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../../helpers/cli.js";
import { DECIDE_EXAMPLE } from "../../helpers/decide-example.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
beforeAll(async () => {
  for (const name of ["decide", "decide-list-profiles"]) {
    const file = join(repoRoot, "docs/json", `${name}.schema.json`);
    ajv.addSchema(JSON.parse(await readFile(file, "utf8")));
  }
});

async function validDocument(args: string[], name = "decide"): Promise<Record<string, unknown>> {
  const run = await runCli([...args, "--json"]);
  expect(run.stderr).toBe("");
  const doc = JSON.parse(run.stdout);
  const validate = ajv.getSchema(`https://senior-backend.local/json/${name}.schema.json`)!;
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  return doc;
}

const withLanguage = (language: string) => [...DECIDE_EXAMPLE.slice(0, -1), language];

describe("decide --json matches docs/json/decide.schema.json", () => {
  it.each([
    ["recommended", [...DECIDE_EXAMPLE, "--slo-target", "99.99", "--rto-minutes", "240"]],
    ["no-fit", withLanguage("java")],
    ["blocked", [...DECIDE_EXAMPLE, "--qps-p99", "none"]],
    ["tie", withLanguage("python")],
  ])("status %s", async (status, args) => {
    const doc = await validDocument(args);
    expect(Object.keys(doc)[0]).toBe("status");
    expect(doc.status).toBe(status);
  });

  it("decide --list-profiles --json", async () => {
    await validDocument(["decide", "--list-profiles"], "decide-list-profiles");
  });
});
