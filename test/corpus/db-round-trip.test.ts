import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpusCases, type RoundTripResult, roundTrip } from "./db-round-trip.js";

/**
 * The strict round trip (pg_dump of the result equals pg_dump of the target, the second diff is empty, down
 * gives back the first dump), through the migration runner, on a real PostgreSQL server: our own fixtures
 * always, migra's public fixture suite when ../shared/corpora/migra is present.
 */
const here = fileURLToPath(new URL(".", import.meta.url));
const server = process.env.TEST_DATABASE_URL;
const ours = resolve(here, "../engine/schema/fixtures");
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
    timeout: 120_000,
  }, async () => {
    // "renames" needs confirmed --rename flags; round-trip.test.ts covers it.
    expect(failures(await runAll(ours, new Set(["renames"])))).toEqual([]);
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
