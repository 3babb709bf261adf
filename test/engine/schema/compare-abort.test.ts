import pg from "pg";
import { describe, expect, it } from "vitest";
import { compareSources } from "../../../src/engine/schema/index.js";
import { createTestDatabase, withClient } from "../../helpers/pg.js";

/**
 * Ctrl+C (the run's abort signal) while two servers' catalogs are read: the reads stop at once — their
 * connections are closed, the query in flight fails — and the comparison ends with the stop, not with a
 * "connection terminated" error, and not after the read has run to its end. Here the read is stuck behind
 * another session's lock, so only closing the connection can end it. PGlite has one session: this needs a
 * server.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "Ctrl+C while reading two servers (needs TEST_DATABASE_URL)",
  () => {
    it("stops a read stuck behind a lock and leaves no connection open", {
      timeout: 60_000,
    }, async () => {
      const admin = process.env.TEST_DATABASE_URL as string;
      const test = await createTestDatabase("sb_abort");
      // Writing a check's definition opens its table: a lock held elsewhere makes the read wait.
      await test.exec("CREATE TABLE locked (id int PRIMARY KEY, v text CHECK (v <> 'only here'));");
      const holder = new pg.Client({ connectionString: test.url });
      await holder.connect();
      await holder.query("BEGIN; LOCK TABLE locked IN ACCESS EXCLUSIVE MODE");
      const ours = (where: string) =>
        withClient(admin, (c) =>
          c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = $1 AND application_name = 'senior-backend' ${where}`,
            [test.name],
          ),
        ).then((r) => r.rows[0]?.n ?? 0);
      const until = async (done: () => Promise<boolean>) => {
        for (let i = 0; i < 100 && !(await done()); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      try {
        const stop = new AbortController();
        const run = compareSources(test.url, test.url, { signal: stop.signal });
        const outcome = run.then(
          () => "finished",
          (error: Error) => error.name,
        );
        await until(async () => (await ours("AND wait_event_type = 'Lock'")) > 0);
        expect(await ours("AND wait_event_type = 'Lock'")).toBeGreaterThan(0);
        stop.abort();
        const ended = await Promise.race([
          outcome,
          new Promise((resolve) => setTimeout(() => resolve("still reading"), 10_000)),
        ]);
        expect(ended).toBe("AbortError");
        await until(async () => (await ours("")) === 0);
        expect(await ours("")).toBe(0);
      } finally {
        await holder.query("ROLLBACK").catch(() => {});
        await holder.end();
        await test.drop();
      }
    });
  },
);
