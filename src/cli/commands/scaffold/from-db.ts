import { scaffoldFromDb } from "../../../engine/scaffold/index.js";
import { fromDbJson, fromDbText } from "../../../report/scaffold-from-db-text.js";
import { EXIT, writeJson, writeStatus, writeText } from "../../output.js";
import type { ScaffoldMode } from "./mode.js";
import { fileProgress } from "./progress.js";

/** `scaffold --from-db postgres://… --output src/routes/ [--framework …] [--check] [--json]` */
export const scaffoldFromDbMode: ScaffoldMode = {
  options(command) {
    command.option(
      "--from-db [url]",
      "scaffold CRUD routes for every table of a PostgreSQL database (URL, else DATABASE_URL / PG* variables)",
    );
  },
  applies: (_input, flags) => flags.fromDb !== undefined && flags.fromDb !== false,
  async run(_input, flags, ctx) {
    const outputDir = flags.output ?? "src/routes/";
    const progress = process.stderr.isTTY && !flags.json;
    const result = await scaffoldFromDb({
      connectionString: typeof flags.fromDb === "string" ? flags.fromDb : undefined,
      framework: flags.framework,
      outputDir,
      check: flags.check === true,
      signal: ctx.signal,
      onEvent: progress ? fileProgress : undefined,
    });
    if (flags.json) {
      writeJson(fromDbJson(result, flags.check === true));
    } else {
      for (const table of result.readOnlyTables) {
        writeStatus(
          `warning: ${table} has no primary key: it gets a list route only (no get, update or delete)`,
        );
      }
      writeText(fromDbText(result, { check: flags.check === true, outputLabel: outputDir }));
    }
    return flags.check && result.outOfDate ? EXIT.gateFailed : EXIT.ok;
  },
};
