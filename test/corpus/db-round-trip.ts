/**
 * Round trip of one schema pair on a real PostgreSQL server: load `a`, generate our migration a→b, apply its
 * up part through the migrator, compare the schema-only pg_dump with b's, diff again (must be empty), then
 * apply the down part and compare with a's dump. Used by `npm run corpus:db` and the corpus test.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  connectServer,
  type Db,
  diffSchemas,
  introspect,
  planMigration,
  runMigration,
} from "../../src/engine/schema/index.js";

const run = promisify(execFile);

export interface RoundTripResult {
  name: string;
  /** "n/a": the case cannot run as a plain round trip (it needs roles, or expects the planner to refuse). */
  up: "ok" | "fail" | "n/a";
  secondDiffEmpty: boolean;
  down: "ok" | "fail" | "skipped";
  ms: number;
  /** First line of what went wrong. */
  reason?: string;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function psqlFile(url: string, file: string): Promise<void> {
  await run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Schema-only dump without the migrator's bookkeeping, comments and SET lines; columns sorted per table. */
export async function schemaDump(url: string): Promise<string> {
  const { stdout } = await run(
    "pg_dump",
    ["--schema-only", "--no-owner", "-N", "senior_backend", "-d", url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = stdout
    .split("\n")
    .filter(
      (l) =>
        l.trim() !== "" &&
        !l.startsWith("--") &&
        !/^SET |^SELECT pg_catalog\.set_config|^\\(un)?restrict /.test(l),
    );
  return normaliseColumnOrder(lines).join("\n");
}

/** A column added by ALTER TABLE lands last; column order is not part of what a migration promises. */
function normaliseColumnOrder(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    out.push(line);
    if (!/^CREATE (UNLOGGED )?TABLE /.test(line) || !line.endsWith("(")) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\)/.test(lines[j] ?? "")) body.push(lines[j++] ?? "");
    out.push(...body.map((b) => b.replace(/,$/, "")).sort());
    i = j - 1;
  }
  return out;
}

function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i])
      return `dump differs at line ${i + 1}: got ${JSON.stringify(x[i] ?? "")}, want ${JSON.stringify(y[i] ?? "")}`;
  }
  return "";
}

const firstLine = (e: unknown) =>
  String((e as { message?: string }).message ?? e)
    .split("\n")
    .find((l) => l.trim() !== "") ?? String(e);

export async function roundTrip(
  adminUrl: string,
  name: string,
  aFile: string,
  bFile: string,
): Promise<RoundTripResult> {
  const started = performance.now();
  const tag = `rt_${process.pid}_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`.slice(0, 55);
  const admin = await connectServer(adminUrl);
  const dir = await mkdtemp(join(tmpdir(), "db-corpus-"));
  const result: RoundTripResult = {
    name,
    up: "fail",
    secondDiffEmpty: false,
    down: "skipped",
    ms: 0,
  };
  const open: Db[] = [];
  try {
    for (const s of ["a", "b"]) {
      await admin.exec(`DROP DATABASE IF EXISTS ${tag}_${s}`);
      await admin.exec(`CREATE DATABASE ${tag}_${s}`);
    }
    const aUrl = withDatabase(adminUrl, `${tag}_a`);
    const bUrl = withDatabase(adminUrl, `${tag}_b`);
    try {
      await psqlFile(aUrl, aFile);
      await psqlFile(bUrl, bFile);
    } catch (e) {
      const text = firstLine((e as { stderr?: string }).stderr ?? e);
      // A role the fixture assumes exists is not ours to create on a shared server.
      if (/role ".*" does not exist/.test(text)) result.up = "n/a";
      result.reason = `load: ${text}`;
      return result;
    }
    const dumpA = await schemaDump(aUrl);
    const dumpB = await schemaDump(bUrl);
    const a = await connectServer(aUrl);
    const b = await connectServer(bUrl);
    open.push(a, b);
    const modelB = await introspect(b);
    const diff = diffSchemas(await introspect(a), modelB, { allowDestructive: true });
    if (diff.changes.length === 0) {
      // Nothing to migrate: the two dumps must already be equal.
      result.up = dumpA === dumpB ? "ok" : "fail";
      result.secondDiffEmpty = true;
      result.down = result.up;
      if (result.up === "fail") result.reason = `empty diff but ${firstDifference(dumpA, dumpB)}`;
      return result;
    }
    const plan = planMigration(diff.changes, { slug: name, now: new Date(0) });
    const file = join(dir, plan.fileName);
    await writeFile(file, plan.text);
    if (process.env.DB_CORPUS_SHOW) process.stderr.write(`${plan.text}\n`);
    try {
      await runMigration(a, {
        file,
        direction: "up",
        dryRun: false,
        lockTimeoutMs: 5000,
        allowDestructive: true,
      });
    } catch (e) {
      result.reason = `up: ${firstLine(e)}`;
      return result;
    }
    const afterUp = await schemaDump(aUrl);
    result.up = afterUp === dumpB ? "ok" : "fail";
    if (result.up === "fail") result.reason = `up: ${firstDifference(afterUp, dumpB)}`;
    const again = diffSchemas(await introspect(a), modelB, { allowDestructive: true });
    result.secondDiffEmpty = again.changes.length === 0;
    if (!result.secondDiffEmpty)
      result.reason ??= `second diff: ${process.env.DB_CORPUS_SHOW ? JSON.stringify(again.changes.map((c) => [c.before, c.after, c.up.map((u) => u.sql)])) : ""}${again.changes
        .map((c) => c.id)
        .slice(0, 3)
        .join(", ")}`;
    try {
      await runMigration(a, {
        file,
        direction: "down",
        dryRun: false,
        lockTimeoutMs: 5000,
        allowDestructive: true,
      });
      const afterDown = await schemaDump(aUrl);
      result.down = afterDown === dumpA ? "ok" : "fail";
      if (result.down === "fail") result.reason ??= `down: ${firstDifference(afterDown, dumpA)}`;
    } catch (e) {
      result.down = "fail";
      result.reason ??= `down: ${firstLine(e)}`;
    }
    return result;
  } finally {
    await Promise.all(open.map((d) => d.close().catch(() => {})));
    for (const s of ["a", "b"])
      await admin.exec(`DROP DATABASE IF EXISTS ${tag}_${s} WITH (FORCE)`).catch(() => {});
    await admin.close();
    await rm(dir, { recursive: true, force: true });
    result.ms = Math.round(performance.now() - started);
  }
}

export interface CorpusCase {
  name: string;
  a: string;
  b: string;
  /** Why the case is not a plain round trip (from its case.json), when it is not. */
  notApplicable?: string;
  /** Roles the case's SQL names (case.json), as SQL identifiers. */
  roles: string[];
}

/** Cases of a corpus folder: every subfolder holding a.sql and b.sql (and optionally case.json). */
export async function corpusCases(
  dir: string,
  options: { rolesMade?: boolean } = {},
): Promise<CorpusCase[]> {
  const { readdir, stat } = await import("node:fs/promises");
  const names = (await readdir(dir)).sort();
  const cases: CorpusCase[] = [];
  for (const n of names) {
    const a = join(dir, n, "a.sql");
    const b = join(dir, n, "b.sql");
    if (!(await stat(a).catch(() => undefined)) || !(await stat(b).catch(() => undefined)))
      continue;
    const meta = JSON.parse(
      await readFile(join(dir, n, "case.json"), "utf8").catch(() => "{}"),
    ) as {
      roles?: string[];
      expectsPlanError?: boolean;
    };
    const roles = (meta.roles ?? []).map((r) => (r.startsWith('"') ? r : `"${r}"`));
    const notApplicable =
      roles.length && !options.rolesMade
        ? `needs roles ${meta.roles?.join(", ")} (--create-roles makes them)`
        : meta.expectsPlanError
          ? "the case expects the planner to refuse"
          : undefined;
    cases.push({ name: n, a, b, notApplicable, roles });
  }
  return cases;
}

export const readText = (f: string) => readFile(f, "utf8");
