/**
 * db benchmark: introspect a generated 2,000-table database and diff it against a changed copy,
 * with senior-backend's schema engine and with @pgkit/migra, in the same run, on the local server.
 *
 *   npx tsx test/bench/db.bench.ts            (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_DB_TABLES=500 npx tsx test/bench/db.bench.ts
 *   BENCH_DB_KEEP=1 …   keep the two databases (sb_bench_keep_<tables>_from/_to) and reuse them next time
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Migration, PostgreSQL } from "@pgkit/migra";
import { compareSources } from "../../src/engine/schema/index.js";
import { urlFor, withClient } from "./db-bench-client.js";
import { ourDiff, ourIntrospection } from "./db-bench-ours.js";
import { COLUMNS_PER_TABLE, changeSql, createTablesSql } from "./db-bench-schema.js";
import { median } from "./db-bench-stats.js";

const GOAL = { introspect: 1_000, diff: 500, endToEnd: 3_000 };
const RUNS = 3;

export async function runDbBench(
  options: { tables?: number; adminUrl?: string } = {},
): Promise<void> {
  const tables = options.tables ?? Number(process.env.BENCH_DB_TABLES ?? 2_000);
  const adminUrl =
    options.adminUrl ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  // Building 10,000 tables takes minutes: BENCH_DB_KEEP leaves the databases for the next run.
  const keep = Boolean(process.env.BENCH_DB_KEEP);
  const tag = keep
    ? `sb_bench_keep_${tables}`
    : `sb_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const fromDb = `${tag}_from`;
  const toDb = `${tag}_to`;
  const fromUrl = urlFor(adminUrl, fromDb);
  const toUrl = urlFor(adminUrl, toDb);
  try {
    const reuse = keep && (await databasesExist(adminUrl, [fromDb, toDb]));
    const setup = reuse
      ? { ...expected(tables), ms: 0 }
      : await createDatabases(adminUrl, fromDb, toDb, tables);
    status(
      `db bench: ${tables} tables, ${tables * COLUMNS_PER_TABLE} columns, ${setup.indexes} indexes, ${setup.fks} foreign keys; the copy has ${setup.changes} changes (${reuse ? "kept from an earlier run" : `built in ${(setup.ms / 1000).toFixed(1)} s`})`,
    );

    status("db bench: senior-backend introspection…");
    const ours = await ourIntrospection(fromUrl, toUrl, RUNS);
    status("db bench: senior-backend diff…");
    const oursDiff = await ourDiff(ours.fromModel, ours.toModel, RUNS);

    status(
      "db bench: senior-backend end to end (--from URL --to URL: open, read both, diff, plan)…",
    );
    const oursEndToEnd = await ourEndToEnd(fromUrl, toUrl, RUNS);
    status("db bench: senior-backend as a command (a new process each run: start-up, cold code)…");
    const oursCommand = ourCommand(fromUrl, toUrl, RUNS);
    status("db bench: @pgkit/migra end to end…");
    const theirsEndToEnd = await migraEndToEnd(fromUrl, toUrl);

    status("db bench: @pgkit/migra introspection…");
    const theirs = await migraIntrospection(fromUrl, toUrl, RUNS);
    status("db bench: @pgkit/migra diff…");
    const theirsDiff = await migraDiff(theirs.from, theirs.to, RUNS);
    await Promise.all([theirs.from, theirs.to].map((p) => endInspector(p)));

    printTable([
      {
        what: "introspect one database (median)",
        ours: ours.ms,
        theirs: theirs.ms,
        goal: GOAL.introspect,
      },
      {
        what: `end to end, ${tables} tables: --from URL --to URL (median)`,
        ours: oursEndToEnd,
        theirs: theirsEndToEnd,
        goal: GOAL.endToEnd,
      },
      {
        what: `the command: senior-backend db --from URL --to URL, new process (median)`,
        ours: oursCommand,
        theirs: theirsEndToEnd,
        goal: GOAL.endToEnd,
      },
      {
        what: `diff the two models (${oursDiff.changes} changes / ${theirsDiff.statements} statements)`,
        ours: oursDiff.ms,
        theirs: theirsDiff.ms,
        goal: GOAL.diff,
      },
    ]);
    if (ours.slowest.length > 0) {
      status("senior-backend introspection, slowest catalog queries (last run):");
      for (const q of ours.slowest) status(`  ${q.ms.toFixed(0).padStart(6)} ms  ${q.name}`);
    }
  } finally {
    if (!keep) await dropDatabases(adminUrl, fromDb, toDb);
  }
}

async function dropDatabases(adminUrl: string, fromDb: string, toDb: string) {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${fromDb}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${toDb}" WITH (FORCE)`);
  });
}

function expected(tables: number) {
  return { indexes: tables * 3, fks: tables - 1, changes: changeSql(tables).changes };
}

async function databasesExist(adminUrl: string, names: string[]): Promise<boolean> {
  const found = await withClient(adminUrl, (c) =>
    c.query("SELECT count(*)::int AS n FROM pg_database WHERE datname = ANY($1)", [names]),
  );
  return found.rows[0]?.n === names.length;
}

async function createDatabases(adminUrl: string, fromDb: string, toDb: string, tables: number) {
  const started = performance.now();
  // A kept database left half-built by an interrupted run is built again.
  await dropDatabases(adminUrl, fromDb, toDb);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${fromDb}"`));
  await withClient(urlFor(adminUrl, fromDb), async (c) => {
    for (let i = 0; i < tables; i += 200) {
      await c.query(createTablesSql(i, Math.min(tables, i + 200)));
    }
    await c.query("ANALYZE");
  });
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${toDb}" TEMPLATE "${fromDb}"`));
  const change = changeSql(tables);
  await withClient(urlFor(adminUrl, toDb), (c) => c.query(change.sql));
  return { ...expected(tables), ms: performance.now() - started };
}

/** What `db --from URL --to URL` does: both catalogs read (at the same time), diffed, a migration planned. */
async function ourEndToEnd(fromUrl: string, toUrl: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await compareSources(fromUrl, toUrl, { allowDestructive: true });
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The built command as a user runs it, in a new process each time (Node start-up and code not yet optimised
 * included), its migration written to nowhere. Compared with migra's in-process run, which leaves out migra's
 * own start-up.
 */
function ourCommand(fromUrl: string, toUrl: string, runs: number): number {
  const main = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [main, "db", "--from", fromUrl, "--to", toUrl, "--allow-destructive"],
      { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 120_000 },
    );
    times.push(performance.now() - started);
    if (run.status !== 0)
      throw new Error(`db --from --to exited ${run.status}: ${run.stderr.trim()}`);
  }
  return median(times);
}

/** migra's whole run: inspect both databases, diff, render the SQL (once: it is the slow side). */
async function migraEndToEnd(fromUrl: string, toUrl: string): Promise<number> {
  const started = performance.now();
  const [from, to] = await Promise.all([PostgreSQL.create(fromUrl), PostgreSQL.create(toUrl)]);
  const migration = await Migration.create(from, to, {});
  migration.set_safety(false);
  migration.add_all_changes();
  void migration.sql;
  const ms = performance.now() - started;
  await Promise.all([from, to].map((p) => endInspector(p)));
  return ms;
}

async function migraIntrospection(fromUrl: string, toUrl: string, runs: number) {
  const times: number[] = [];
  let started = performance.now();
  const from = await PostgreSQL.create(fromUrl);
  times.push(performance.now() - started);
  // Later runs reload on the same inspector (a second client for one URL makes pg-promise warn).
  for (let i = 1; i < runs; i++) {
    started = performance.now();
    await from.load_all_async();
    times.push(performance.now() - started);
  }
  const to = await PostgreSQL.create(toUrl);
  return { ms: median(times), from, to };
}

async function migraDiff(from: PostgreSQL, to: PostgreSQL, runs: number) {
  const times: number[] = [];
  let statements = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const migration = await Migration.create(from, to, {});
    migration.set_safety(false);
    migration.add_all_changes();
    const sql = migration.sql;
    times.push(performance.now() - started);
    statements = sql.split(";\n").filter((s) => s.trim()).length;
  }
  return { ms: median(times), statements };
}

async function endInspector(inspector: PostgreSQL) {
  const client = (inspector as unknown as { c?: { end?: () => Promise<void> } }).c;
  await client?.end?.();
}

function printTable(rows: { what: string; ours: number; theirs: number; goal: number }[]) {
  const header = ["measure", "senior-backend", "@pgkit/migra", "ratio", "goal"];
  const body = rows.map((r) => [
    r.what,
    `${r.ours.toFixed(0)} ms`,
    `${r.theirs.toFixed(0)} ms`,
    `${(r.theirs / r.ours).toFixed(1)}x ${r.ours <= r.theirs ? "faster" : "slower"}`,
    `< ${r.goal} ms ${r.ours < r.goal ? "met" : "MISSED"}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(
    `\ndb: schema introspection and diff\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(line).join("\n")}\n\n`,
  );
}

function status(text: string) {
  process.stderr.write(`${text}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runDbBench().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`db bench failed: ${error instanceof Error ? error.message : error}\n`);
      process.exit(1);
    },
  );
}
