import { loadSpec } from "../../../engine/openapi/index.js";
import { generate } from "../../../engine/scaffold/index.js";
import { UserError } from "../../../engine/shared/index.js";
import { scaffoldResultJson, scaffoldResultText } from "../../../report/scaffold-result-text.js";
import { EXIT, writeJson, writeStatus, writeText } from "../../output.js";
import { specLimitsFor, specSizeOption } from "../../spec-size-flag.js";
import type { ScaffoldMode } from "./mode.js";
import { fileProgress } from "./progress.js";

/** `scaffold openapi.yaml --framework express --output src/routes/ [--check] [--json]` */
export const scaffoldFromSpec: ScaffoldMode = {
  options: (command) =>
    command
      .option(
        "--strict",
        "refuse a spec that breaks the OpenAPI standard anywhere (default: warn, one line each, and generate)",
      )
      .option(
        "--base-path <path>",
        "mount the routes under this path (default: the path of the spec's first servers URL; / for the root)",
      )
      .addOption(specSizeOption())
      .option(
        "--init",
        "also write package.json and tsconfig.json so `npm install && npm start` runs the app (default when --output is empty)",
      ),
  applies: (input) => input !== undefined,
  async run(input, flags, ctx) {
    if (!input) throw new UserError("scaffold needs an OpenAPI spec to read");
    const outputDir = flags.output ?? "src/routes/";
    const { model, warnings } = await loadSpec(input, {
      signal: ctx.signal,
      strict: flags.strict === true,
      limits: specLimitsFor(flags.maxSpecSize),
    });
    for (const warning of warnings) writeStatus(`warning: ${warning}`);
    if (model.operations.length === 0) {
      writeStatus(
        `note: ${input} has no operations under "paths": generating its types and schemas; there is nothing to route`,
      );
    }
    const progress = process.stderr.isTTY && !flags.json;
    const result = await generate(model, {
      framework: flags.framework,
      outputDir,
      check: flags.check === true,
      basePath: typeof flags.basePath === "string" ? flags.basePath : undefined,
      init: flags.init === true ? true : "auto",
      signal: ctx.signal,
      onEvent: progress ? fileProgress : undefined,
    });
    if (flags.json)
      writeJson(
        scaffoldResultJson(result, { mode: "openapi", input, check: flags.check === true }),
      );
    else
      writeText(
        scaffoldResultText(result, { check: flags.check === true, outputLabel: outputDir }),
      );
    return flags.check && result.outOfDate ? EXIT.gateFailed : EXIT.ok;
  },
};
