import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectServer,
  type MigrateEvent,
  runMigration,
} from "../../../../src/engine/schema/index.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  trackingRows,
} from "../../../helpers/migration-workspace.js";

const SLOW = `-- migrate:up
CREATE TABLE runs (n int);
INSERT INTO runs VALUES (1);
SELECT pg_sleep(1);
-- migrate:down
DROP TABLE runs;
`;

describe("two concurrent runs of the same migration", () => {
  let ws: MigrationWorkspace;
  beforeEach(async () => {
    ws = await openWorkspace();
  });
  afterEach(() => ws.close());

  it("apply it exactly once; the other finds it applied", async () => {
    const file = await ws.write("slow.sql", SLOW);
    const other = await connectServer(ws.database.url);
    const events: MigrateEvent[][] = [[], []];
    try {
      const results = await Promise.all(
        [ws.db, other].map((db, i) =>
          runMigration(db, {
            file,
            direction: "up",
            dryRun: false,
            lockTimeoutMs: 20_000,
            onEvent: (e) => events[i].push(e),
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual(["already-applied", "applied"]);
      const runs = await ws.db.query<{ n: number }>("SELECT count(*)::int AS n FROM runs");
      expect(runs.rows[0].n).toBe(1);
      expect(await trackingRows(ws.db)).toHaveLength(1);
      const waited = events.flat().filter((e) => e.type === "waiting-for-lock");
      if (ws.database.kind === "server") {
        // Separate sessions: the advisory lock makes the second run wait, and it says so.
        expect(waited).toHaveLength(1);
        expect(results.every((r) => !r.singleSession)).toBe(true);
      } else {
        // PGlite: one shared session, the advisory lock is re-entrant; the runs are serialised by the
        // socket server's transaction queue and the in-transaction tracking check.
        expect(results.every((r) => r.singleSession)).toBe(true);
        expect(results[0].notes.join(" ")).toContain("PGlite: all connections share one session");
      }
    } finally {
      await other.close();
    }
  });

  it("a run that cannot get the lock in time fails clearly (exit 1) and applies nothing", async ({
    skip,
  }) => {
    skip(
      ws.database.kind === "pglite",
      "needs a PostgreSQL server (TEST_DATABASE_URL): PGlite shares one session between connections, so a run can never be locked out",
    );
    const holder = await connectServer(ws.database.url);
    try {
      await holder.query("SELECT pg_advisory_lock(5453471829364513)");
      const file = await ws.write("slow.sql", SLOW);
      await expect(
        runMigration(ws.db, { file, direction: "up", dryRun: false, lockTimeoutMs: 500 }),
      ).rejects.toMatchObject({
        exitCode: 1,
        message: expect.stringMatching(
          /^another migration run \(backend pid \d+\) still holds the migration lock/,
        ),
      });
      expect(await trackingRows(ws.db)).toEqual([]);

      // A holder still running a statement (a killed run's server process finishing an index build) is named.
      const busy = holder.query("SELECT pg_sleep(3)");
      await new Promise((r) => setTimeout(r, 300));
      const error = await runMigration(ws.db, {
        file,
        direction: "up",
        dryRun: false,
        lockTimeoutMs: 500,
      }).then(
        () => ({ message: "applied", hint: "" }),
        (e: unknown) => e as { message: string; hint?: string },
      );
      expect(error?.message).toMatch(
        /\(backend pid \d+, running SELECT pg_sleep\(3\) \(for \d+ s\)\)/,
      );
      expect(error?.hint).toMatch(/pg_cancel_backend\(\d+\)/);
      await busy;
    } finally {
      await holder.close();
    }
  });

  it("Ctrl+C while waiting for the lock stops at once with what was (not) done", async ({
    skip,
  }) => {
    skip(ws.database.kind === "pglite", "needs a PostgreSQL server (TEST_DATABASE_URL)");
    const holder = await connectServer(ws.database.url);
    try {
      await holder.query("SELECT pg_advisory_lock(5453471829364513)");
      const file = await ws.write("slow.sql", SLOW);
      const stop = new AbortController();
      const running = runMigration(ws.db, {
        file,
        direction: "up",
        dryRun: false,
        lockTimeoutMs: 20_000,
        signal: stop.signal,
        onEvent: (e) => {
          if (e.type === "waiting-for-lock") stop.abort(new Error("interrupted"));
        },
      });
      await expect(running).rejects.toMatchObject({
        exitCode: 130,
        message: "interrupted while waiting for the migration lock; nothing was run",
      });
      expect(await trackingRows(ws.db)).toEqual([]);
    } finally {
      await holder.close();
    }
  });

  it("on PGlite (one shared session) a run is never locked out, even with a lock timeout of 0", async ({
    skip,
  }) => {
    skip(
      ws.database.kind === "server",
      "PGlite only: a PostgreSQL server gives each connection its own session, covered by the test above",
    );
    const file = await ws.write("slow.sql", SLOW);
    const result = await runMigration(ws.db, {
      file,
      direction: "up",
      dryRun: false,
      lockTimeoutMs: 0,
    });
    expect(result.status).toBe("applied");
    expect(result.singleSession).toBe(true);
  });
});
