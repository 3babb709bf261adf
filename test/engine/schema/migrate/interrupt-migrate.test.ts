import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectServer,
  migrationStatus,
  runMigration,
} from "../../../../src/engine/schema/index.js";
import { isUserError, type UserError } from "../../../../src/engine/shared/index.js";
import {
  type MigrationWorkspace,
  openWorkspace,
  trackingRows,
} from "../../../helpers/migration-workspace.js";

/** A statement outside a transaction that would run for a minute, like a big concurrent index build. */
const LONG = `-- senior-backend migration: 20260105120000_slow
-- migrate:up
CREATE TABLE slow (id int);
-- migrate:up transaction:false
SELECT pg_sleep(60);
-- migrate:down
DROP TABLE slow;
`;

// Cancelling a running statement needs a second server session (pg_cancel_backend); PGlite has one session.
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "Ctrl+C / SIGTERM during a migration (needs TEST_DATABASE_URL)",
  () => {
    let ws: MigrationWorkspace;
    beforeEach(async () => {
      ws = await openWorkspace();
    });
    afterEach(() => ws.close());

    it("cancels the running statement on the server, says so, and leaves it partially applied", {
      timeout: 30_000,
    }, async () => {
      const file = await ws.write("20260105120000_slow.sql", LONG);
      const stop = new AbortController();
      const running = runMigration(ws.db, {
        file,
        direction: "up",
        dryRun: false,
        lockTimeoutMs: 5000,
        signal: stop.signal,
      });
      // Abort once the long statement is running on the server.
      const watcher = await connectServer(ws.database.url);
      for (let i = 0; i < 100; i += 1) {
        const r = await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND state = 'active'",
        );
        if (r.rows[0]?.n) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await watcher.close();
      stop.abort(new Error("terminated"));
      const error = await running.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserError(error)).toBe(true);
      const e = error as UserError;
      expect(e.message).toMatch(/^terminated: statement 2 \(.*:5\) was cancelled$/);
      expect(e.exitCode).toBe(130);
      expect(await trackingRows(ws.db)).toEqual([]);
      const status = await migrationStatus(ws.db, ws.dir);
      expect(status.migrations.map((m) => m.state)).toEqual(["partially-applied"]);
    });
  },
);
