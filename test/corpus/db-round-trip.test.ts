import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { connectServer } from "../../src/engine/schema/index.js";
import { corpusCases, type RoundTripResult, roundTrip } from "./db-round-trip.js";

/**
 * The strict round trip (pg_dump of the result equals pg_dump of the target, the second diff is empty, down
 * gives back the first dump), through the migration runner, on a real PostgreSQL server: our own fixtures
 * always, migra's public fixture suite when ../shared/corpora/migra is present.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const server = process.env.TEST_DATABASE_URL;
const ours = resolve(here, "../engine/schema/fixtures");
/** Fixtures that name roles as {{reader}} / {{writer}}: the test makes the roles (unique names) and drops them. */
const withRoles = resolve(here, "../engine/schema/fixtures-roles");
// ../shared/corpora beside the repository (the main checkout), or beside the worktrees' folder.
const migra = [
  resolve(here, "../../../shared/corpora/migra"),
  resolve(here, "../../../../shared/corpora/migra"),
].find((p) => existsSync(p));
/** Cases that need something the corpus does not create (a cluster-wide role). */
const NEEDS_ROLES = new Set(["rls"]);

async function runAll(dir: string, skip: Set<string> = new Set()): Promise<RoundTripResult[]> {
  const cases = (await corpusCases(dir)).filter((c) => !skip.has(c.name) && !c.notApplicable);
  const results: RoundTripResult[] = [];
  // Three at a time: each case is mostly waiting on psql and pg_dump.
  for (let i = 0; i < cases.length; i += 3) {
    const batch = cases.slice(i, i + 3);
    results.push(
      ...(await Promise.all(batch.map((c) => roundTrip(server ?? "", c.name, c.a, c.b)))),
    );
  }
  return results;
}

const failures = (results: RoundTripResult[]) =>
  results
    .filter((r) => r.up !== "ok" || !r.secondDiffEmpty || r.down !== "ok")
    .map((r) => `${r.name}: ${r.reason}`);

describe.skipIf(!server)("db round trip through pg_dump (needs TEST_DATABASE_URL)", () => {
  it("our fixtures: up gives b, the second diff is empty, down gives a", {
    timeout: 300_000,
  }, async () => {
    // "renames" needs confirmed --rename flags; round-trip.test.ts covers it.
    expect(failures(await runAll(ours, new Set(["renames"])))).toEqual([]);
  });

  it("grants and default privileges round-trip (roles made and dropped by the test)", {
    timeout: 120_000,
  }, async () => {
    const admin = await connectServer(server ?? "");
    const tag = `rt_${process.pid}_${Date.now().toString(36)}`;
    const roles = { reader: `${tag}_reader`, writer: `${tag}_writer` };
    const dir = await mkdtemp(join(tmpdir(), "db-roles-"));
    try {
      for (const r of Object.values(roles)) await admin.exec(`CREATE ROLE ${r} NOLOGIN`);
      const results: RoundTripResult[] = [];
      for (const c of await corpusCases(withRoles)) {
        const files = await Promise.all(
          [c.a, c.b].map(async (file, i) => {
            const text = (await readFile(file, "utf8")).replace(
              /\{\{(reader|writer)\}\}/g,
              (_, r: "reader" | "writer") => roles[r],
            );
            const out = join(dir, `${c.name}-${i}.sql`);
            await writeFile(out, text);
            return out;
          }),
        );
        results.push(await roundTrip(server ?? "", c.name, files[0] ?? "", files[1] ?? ""));
      }
      expect(results.map((r) => r.name)).toContain("grants");
      expect(failures(results)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      // The round trip dropped its databases, and with them every grant naming these roles.
      for (const r of Object.values(roles)) await admin.exec(`DROP ROLE IF EXISTS ${r}`);
      await admin.close();
    }
  });

  it.skipIf(!migra)(
    "migra's fixtures (../shared/corpora/migra): every loadable case round-trips",
    { timeout: 180_000 },
    async () => {
      const results = await runAll(migra ?? "", NEEDS_ROLES);
      expect(results.length).toBeGreaterThanOrEqual(25);
      expect(failures(results)).toEqual([]);
    },
  );
});
