import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { stringify } from "yaml";
import { generateSpecFromRoutes, writeSpecDocument } from "../../../engine/scaffold/index.js";
import { specFromRoutesJson, specFromRoutesText } from "../../../report/spec-from-routes-text.js";
import { EXIT, writeJson, writeStatus, writeText } from "../../output.js";
import type { ScaffoldMode } from "./mode.js";

/** `scaffold src/routes/ --generate-spec --output openapi.yaml [--check] [--json]` */
export const scaffoldGenerateSpec: ScaffoldMode = {
  options(command) {
    command.option(
      "--generate-spec",
      "read Express/Fastify/Koa route files (the input folder) and write an OpenAPI 3.1 spec to --output (.yaml or .json; stdout without it)",
    );
    command.option("--title <text>", "with --generate-spec: the spec's info.title", "API");
  },
  applies: (_input, flags) => flags.generateSpec === true,
  async run(input, flags, ctx) {
    const routes = input ?? "src/routes/";
    const result = await generateSpecFromRoutes({
      input: routes,
      title: typeof flags.title === "string" ? flags.title : undefined,
      signal: ctx.signal,
      onEvent:
        process.stderr.isTTY && !flags.json
          ? ({ done, total }) => {
              if (done === total || done % 50 === 0) {
                process.stderr.write(`\rgenerate-spec: ${done}/${total} files`);
              }
              if (done === total) process.stderr.write("\n");
            }
          : undefined,
    });
    if (!flags.json) for (const warning of result.warnings) writeStatus(`warning: ${warning}`);
    const output = flags.output;
    let upToDate: boolean | undefined;
    if (output && flags.check) {
      const current = await readFile(output, "utf8").catch(() => undefined);
      upToDate = current !== undefined && sameDocument(current, output, result.document);
    } else if (output) {
      await writeSpecDocument(output, result.document);
    }
    if (flags.json) {
      writeJson(
        specFromRoutesJson(result, {
          input: routes,
          output,
          check: flags.check === true,
          upToDate,
        }),
      );
    } else if (output) {
      writeText(
        specFromRoutesText(result, {
          input: routes,
          output,
          check: flags.check === true,
          upToDate,
        }),
      );
    } else {
      writeText(stringify(result.document, { lineWidth: 0 }));
    }
    return upToDate === false ? EXIT.gateFailed : EXIT.ok;
  },
};

function sameDocument(current: string, path: string, document: unknown): boolean {
  const ext = extname(path).toLowerCase();
  const expected =
    ext === ".yaml" || ext === ".yml"
      ? stringify(document, { lineWidth: 0 })
      : `${JSON.stringify(document, null, 2)}\n`;
  return current === expected;
}
