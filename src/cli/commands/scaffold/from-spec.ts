import { generate, loadSpec } from "../../../engine/scaffold/index.js";
import { UserError } from "../../../engine/shared/index.js";
import { scaffoldResultJson, scaffoldResultText } from "../../../report/scaffold-result-text.js";
import { EXIT, writeJson, writeText } from "../../output.js";
import type { ScaffoldMode } from "./mode.js";
import { fileProgress } from "./progress.js";

/** `scaffold openapi.yaml --framework express --output src/routes/ [--check] [--json]` */
export const scaffoldFromSpec: ScaffoldMode = {
  applies: (input) => input !== undefined,
  async run(input, flags, ctx) {
    if (!input) throw new UserError("scaffold needs an OpenAPI spec to read");
    const outputDir = flags.output ?? "src/routes/";
    const { model } = await loadSpec(input, { signal: ctx.signal });
    if (model.operations.length === 0) {
      throw new UserError(`${input} has no operations under "paths"`, {
        hint: "add at least one path with a method, e.g. `/users: { get: … }`",
      });
    }
    const progress = process.stderr.isTTY && !flags.json;
    const result = await generate(model, {
      framework: flags.framework,
      outputDir,
      check: flags.check === true,
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
