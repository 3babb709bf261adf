/**
 * `npm run bench`: every benchmark in turn, each printing our figure beside a peer's measured in the
 * same run, with the ratio. Pass names to run a subset: `npm run bench -- load db`.
 */
import { runDbBench } from "./db.bench.js";
import { runDbSqlBench } from "./db-sql.bench.js";
import { runHelpBench } from "./help.bench.js";
import { runLoadBench } from "./load.bench.js";
import { runScaffoldBench } from "./scaffold.bench.js";

const BENCHES: Record<string, () => Promise<void>> = {
  load: () => runLoadBench(),
  db: async () => {
    await runDbBench();
    await runDbSqlBench();
  },
  scaffold: () => runScaffoldBench(),
  help: () => runHelpBench(),
};

// Bench names; values of flags (`--spec FILE`) are not names.
const wanted = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith("-") && !all[i - 1]?.startsWith("--"));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(
    `error: unknown benchmark(s) ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}\n`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  await run();
}
