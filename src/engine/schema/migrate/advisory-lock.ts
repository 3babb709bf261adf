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
      options.onWait?.({ type: "waiting-for-lock", holderPid: holder });
      announced = true;
    }
    if (Date.now() - started >= options.timeoutMs) {
      throw new UserError(
        `another migration run${holder ? ` (backend pid ${holder})` : ""} still holds the migration lock after ${Math.round(options.timeoutMs / 1000)} s`,
        {
          hint: "wait for it to finish, or raise --lock-timeout (seconds)",
          exitCode: 1,
        },
      );
    }
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("interrupted");
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new UserError("could not take the migration lock", { exitCode: 1 });
}

async function lockHolder(db: Db): Promise<number | undefined> {
  const key = BigInt(MIGRATION_LOCK_KEY);
  const hi = Number(key >> 32n);
  const lo = Number(key & 0xffffffffn);
  const r = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1 LIMIT 1`,
    [hi, lo],
  );
  return r.rows[0]?.pid;
}

/** True when every connection shares one session (PGlite, directly or through its socket server). */
export async function isSingleSession(db: Db): Promise<boolean> {
  if (db.kind === "pglite") return true;
  const r = await db.query<{ v: string }>("SELECT version() AS v");
  return /PGlite/i.test(r.rows[0]?.v ?? "");
}
