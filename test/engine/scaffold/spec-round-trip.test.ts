import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiModel,
  FRAMEWORKS,
  generate,
  loadSpec,
} from "../../../src/engine/scaffold/index.js";
import {
  generateSpecFromRoutes,
  writeSpecDocument,
} from "../../../src/engine/scaffold/spec-from-routes/index.js";
import { repoRoot } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** spec → scaffold (each framework) → generate-spec keeps every path, method and parameter. */
const SPECS = ["openapi/petstore-3.0.yaml", "openapi/multi-file/openapi.json"];

type Operation = {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required: boolean }>;
};

/** `GET /pets/{petId} getPetById [cookie:session, path:petId]`; header names compare case-insensitively. */
function describeModel(model: ApiModel): string[] {
  return model.operations
    .map((op) => {
      const params = Object.values(op.params)
        .flat()
        .map(
          (p) =>
            `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}${p.required ? "!" : ""}`,
        )
        .sort();
      return `${op.method.toUpperCase()} ${op.path} ${op.operationId} [${params.join(", ")}]`;
    })
    .sort();
}

function describeDocument(document: Record<string, unknown>): string[] {
  const paths = document.paths as Record<string, Record<string, Operation>>;
  return Object.entries(paths)
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const params = (op.parameters ?? [])
          .map(
            (p) =>
              `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}${p.required ? "!" : ""}`,
          )
          .sort();
        return `${method.toUpperCase()} ${path} ${op.operationId} [${params.join(", ")}]`;
      }),
    )
    .sort();
}

describe.each(SPECS)("round trip of %s", (spec) => {
  let dir: string;
  let model: ApiModel;
  beforeAll(async () => {
    dir = tempDir("round-trip");
    model = (await loadSpec(resolve(repoRoot, "test/fixtures", spec))).model;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(FRAMEWORKS)(
    "%s: every path, method, parameter and operationId comes back",
    async (framework) => {
      const outputDir = join(dir, framework);
      await generate(model, { framework, outputDir });
      const result = await generateSpecFromRoutes({ input: outputDir });
      expect(result.warnings).toEqual([]);
      expect(describeDocument(result.document)).toEqual(describeModel(model));
      // The spec we write loads again, and scaffolding it gives the same operations.
      const again = join(dir, `${framework}-again.yaml`);
      await writeSpecDocument(again, result.document);
      const reloaded = (await loadSpec(again)).model;
      expect(describeModel(reloaded)).toEqual(describeModel(model));
    },
  );
});
