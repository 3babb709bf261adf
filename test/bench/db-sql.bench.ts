/**
 * db benchmark, .sql sources: the built CLI compares a generated 50 KB schema file (db-bench-sql-schema.ts)
 * with its migrated copy, each loaded into embedded PGlite, and a server database with that copy; each run
 * is timed and its peak RSS read with /usr/bin/time. The first row is a new user's first run after
 * `npm start` (which builds): an empty cache folder, so PGlite starts from the data directory the build put in
 * dist (or, without one, runs initdb). No peer reads .sql files, so the rows hold our figure against the goal.
 *
 *   npx tsx test/bench/db-sql.bench.ts        (after npm run build)
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { urlFor, withClient } from "./db-bench-client.js";
import { schemaSql } from "./db-bench-sql-schema.js";

const GOAL_MB = 300;
const TIME = "/usr/bin/time";

export async function runDbSqlBench(options: { adminUrl?: string } = {}): Promise<void> {
  if (!existsSync(TIME)) {
    process.stderr.write(
      `db .sql bench skipped: ${TIME} is not installed (apt-get install time)\n`,
    );
    return;
  }
  const adminUrl =
    options.adminUrl ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const tag = `sb_bench_sql_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const roles = { reader: `${tag}_reader`, writer: `${tag}_writer` };
  const dir = mkdtempSync(join(tmpdir(), "sb-bench-sql-"));
  const [a, b] = [join(dir, "a.sql"), join(dir, "b.sql")];
  const fromSql = schemaSql("from", roles);
  writeFileSync(a, fromSql);
  writeFileSync(b, schemaSql("to", roles));
  const dbUrl = urlFor(adminUrl, tag);
  try {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${tag}"`));
    await withClient(dbUrl, (c) => c.query(fromSql));
    process.stderr.write(
      `db .sql bench: ${(fromSql.length / 1024).toFixed(0)} KB schema file, compared with its migrated copy\n`,
    );
    const rows = [
      measure("--from a.sql --to b.sql, first start (empty cache)", ["--from", a, "--to", b], {
        XDG_CACHE_HOME: join(dir, "cache"),
      }),
      measure("--from a.sql --to b.sql", ["--from", a, "--to", b]),
      measure("--connection URL --compare b.sql", ["--connection", dbUrl, "--compare", b]),
    ];
    printTable(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${tag}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${roles.reader}", "${roles.writer}"`);
    });
  }
}

interface Row {
  what: string;
  ms: number;
  peakMb: number;
}

/** One run of the built CLI (`--allow-destructive`: the copy drops columns); a failed run stops the bench. */
function measure(what: string, args: string[], env: Record<string, string> = {}): Row {
  process.stderr.write(`db .sql bench: ${what}…\n`);
  const started = performance.now();
  const run = spawnSync(
    TIME,
    [
      "-f",
      "peak-kb %M",
      process.execPath,
      "dist/cli/main.js",
      "db",
      ...args,
      "--allow-destructive",
    ],
    { encoding: "utf8", env: { ...process.env, ...env } },
  );
  const ms = performance.now() - started;
  const peak = /peak-kb (\d+)/.exec(run.stderr ?? "");
  if (run.status !== 0 || !peak) {
    throw new Error(`db ${args.join(" ")} exited ${run.status}: ${(run.stderr ?? "").trim()}`);
  }
  return { what, ms, peakMb: Number(peak[1]) / 1024 };
}

function printTable(rows: Row[]) {
  const header = ["measure", "time", "peak RSS", "goal"];
  const body = rows.map((r) => [
    r.what,
    `${(r.ms / 1000).toFixed(1)} s`,
    `${r.peakMb.toFixed(0)} MB`,
    `≤ ${GOAL_MB} MB ${r.peakMb <= GOAL_MB ? "met" : "MISSED"}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  process.stdout.write(
    `\ndb: .sql sources in embedded PGlite (built CLI, peak RSS of the whole run)\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(line).join("\n")}\n\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runDbSqlBench().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        `db .sql bench failed: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(1);
    },
  );
}
