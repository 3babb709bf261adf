import { UserError } from "../../shared/index.js";
import type { Db } from "../connection.js";

/** Fixed key of the session advisory lock every migration run takes ("SB-MIGR" as a number). */
export const MIGRATION_LOCK_KEY = "5453471829364513";

export interface LockWaitEvent {
  type: "waiting-for-lock";
  /** Backend pid of the session holding the lock, when visible. */
  holderPid?: number;
}

/**
 * Take the session-level advisory lock, waiting (polling) up to `timeoutMs` while another run holds it.
 * On PGlite every connection shares one session, so the lock is re-entrant there and cannot exclude
 * a second connection; the migrator then relies on its in-transaction re-check instead.
 */
export async function acquireMigrationLock(
  db: Db,
  options: { timeoutMs: number; signal?: AbortSignal; onWait?: (e: LockWaitEvent) => void },
): Promise<() => Promise<void>> {
  const started = Date.now();
  let announced = false;
  for (let attempt = 0; attempt < 1_000_000; attempt += 1) {
    const r = await db.query<{ ok: boolean }>(
      `SELECT pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) AS ok`,
    );
    if (r.rows[0]?.ok) {
      return async () => {
        await db.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      };
    }
    const holder = await lockHolder(db);
    if (!announced) {
      options.onWait?.({ type: "waiting-for-lock", holderPid: holder?.pid });
      announced = true;
    }
    if (Date.now() - started >= options.timeoutMs) {
      const running = holder?.running ? `, running ${holder.running}` : "";
      throw new UserError(
        `another migration run${holder ? ` (backend pid ${holder.pid}${running})` : ""} still holds the migration lock after ${Math.round(options.timeoutMs / 1000)} s`,
        {
          hint: `wait for it to finish, or raise --lock-timeout (seconds)${holder?.running ? `; if that run was killed, its server process still finishes this statement (SELECT pg_cancel_backend(${holder.pid}) stops it; running --migrate again then continues)` : ""}`,
          exitCode: 1,
        },
      );
    }
    if (options.signal?.aborted) {
      const why =
        options.signal.reason instanceof Error ? options.signal.reason.message : "interrupted";
      throw new UserError(`${why} while waiting for the migration lock; nothing was run`, {
        exitCode: 130,
      });
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new UserError("could not take the migration lock", { exitCode: 1 });
}

/** The session holding the migration lock, and the statement it is running (first line, shortened). */
async function lockHolder(db: Db): Promise<{ pid: number; running?: string } | undefined> {
  const key = BigInt(MIGRATION_LOCK_KEY);
  const hi = Number(key >> 32n);
  const lo = Number(key & 0xffffffffn);
  const r = await db.query<{ pid: number; running: string | null }>(
    `SELECT l.pid, CASE WHEN a.state = 'active'
              THEN left(split_part(a.query, E'\n', 1), 80) || ' (for ' || round(extract(epoch FROM now() - a.query_start)) || ' s)'
            END AS running
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted
        AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1 LIMIT 1`,
    [hi, lo],
  );
  const row = r.rows[0];
  return row ? { pid: row.pid, running: row.running ?? undefined } : undefined;
}

/** True when every connection shares one session (PGlite, directly or through its socket server). */
export async function isSingleSession(db: Db): Promise<boolean> {
  if (db.kind === "pglite") return true;
  const r = await db.query<{ v: string }>("SELECT version() AS v");
  return /PGlite/i.test(r.rows[0]?.v ?? "");
}
