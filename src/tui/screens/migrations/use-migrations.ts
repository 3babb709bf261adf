import { useCallback, useEffect, useRef, useState } from "react";
import {
  connectServer,
  type Db,
  type FolderRunResult,
  hasLibpqEnvironment,
  type LintResult,
  lintPath,
  type MigrationStatus,
  migrationStatus,
  resolveConnectionString,
  runMigrationFolder,
} from "../../../engine/schema/index.js";
import { redactSecretsInText, UserError } from "../../../engine/shared/index.js";

export interface MigrationsTarget {
  /** postgres:// URL or key=value string; blank: DATABASE_URL, then the PG* variables. */
  connection: string;
  folder: string;
}

export interface MigrationsState {
  /** What is running now ("reading the status", "dry run", …); undefined when idle. */
  busy?: string;
  status?: MigrationStatus;
  /** The last dry run (awaiting confirmation) or applied run. */
  run?: FolderRunResult;
  /** True when `run` was a dry run (nothing was kept). */
  dry?: boolean;
  lint?: LintResult & { target: string };
  error?: { message: string; hint?: string };
}

const LOCK_TIMEOUT_MS = 60_000;

async function connect(connection: string): Promise<Db> {
  const url = resolveConnectionString(connection.trim() || undefined);
  if (!url && !hasLibpqEnvironment()) {
    throw new UserError("migration status needs a database", {
      hint: "type a postgres://user@host:5432/db URL, or set DATABASE_URL or the PG* variables",
    });
  }
  return connectServer(url, { applicationName: "senior-backend migrations" });
}

/**
 * The migration runner behind the screen, through the schema engine only: the folder's status, a dry run of
 * the next pending migration, applying every pending one, and lint of a file or the folder. One job at a
 * time; each opens its own connection and always closes it; Ctrl+C / s stops a running job.
 */
export function useMigrations(target: MigrationsTarget | undefined) {
  const [state, setState] = useState<MigrationsState>({});
  const controller = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort(new Error("left the screen"));
    };
  }, []);

  const job = useCallback(
    async (
      busy: string,
      work: (signal: AbortSignal) => Promise<Partial<MigrationsState>>,
      keep: Partial<MigrationsState> = {},
    ) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setState((s) => ({ ...s, ...keep, busy, error: undefined }));
      try {
        const next = await work(abort.signal);
        if (mounted.current) setState((s) => ({ ...s, ...next, busy: undefined }));
      } catch (error) {
        const e = error as { message?: string; hint?: string };
        if (mounted.current)
          setState((s) => ({
            ...s,
            busy: undefined,
            error: abort.signal.aborted
              ? { message: `stopped: ${busy} did not finish` }
              : { message: redactSecretsInText(e.message ?? String(error)), hint: e.hint },
          }));
      } finally {
        controller.current = undefined;
      }
    },
    [],
  );

  const withDb = useCallback(
    async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
      if (!target) throw new Error("no target");
      const db = await connect(target.connection);
      try {
        return await fn(db);
      } finally {
        await db.close().catch(() => {});
      }
    },
    [target],
  );

  const folderRun = useCallback(
    (dryRun: boolean, signal: AbortSignal) =>
      withDb(async (db) => {
        const folder = target?.folder ?? "";
        const run = await runMigrationFolder(db, {
          folder,
          dryRun,
          lockTimeoutMs: LOCK_TIMEOUT_MS,
          signal,
          onFile: (e) =>
            mounted.current &&
            setState((s) => ({
              ...s,
              busy: `${dryRun ? "dry run of" : "applying"} ${e.name} [${e.index + 1}/${e.total}]`,
            })),
        }).catch(async (error: unknown) => {
          // A run that failed half-way changed the database: the list behind the error shows how.
          if (!dryRun) {
            const status = await migrationStatus(db, folder).catch(() => undefined);
            if (status && mounted.current) setState((s) => ({ ...s, status }));
          }
          throw error;
        });
        // After a real run the list shows what the database holds now.
        const status = dryRun ? undefined : await migrationStatus(db, folder);
        return status ? { run, dry: false, status } : { run, dry: true };
      }),
    [target, withDb],
  );

  /** Read (or re-read) the folder's status. */
  const refresh = useCallback(
    () =>
      job(
        "reading the migration status",
        async () => ({ status: await withDb((db) => migrationStatus(db, target?.folder ?? "")) }),
        { run: undefined, lint: undefined },
      ),
    [job, withDb, target],
  );

  /** Stop the running job; true when one was running. */
  const stop = useCallback((): boolean => {
    if (!controller.current) return false;
    controller.current.abort(new Error("stopped"));
    return true;
  }, []);

  useEffect(() => {
    if (target) void refresh();
    else setState({});
  }, [target, refresh]);

  return {
    state,
    refresh,
    /** Rehearse the next pending migration inside a transaction that is rolled back. */
    dryRun: () => job("dry run", (signal) => folderRun(true, signal), { run: undefined }),
    /** Apply every pending migration (only ever after a dry run and a confirmation key). */
    // The dry run it confirms is used up: a failed run must never leave a `y` that could run it again.
    apply: () =>
      job("applying", (signal) => folderRun(false, signal), { run: undefined, dry: undefined }),
    lint: (path: string) =>
      job("linting", async () => ({ lint: { ...(await lintPath(path)), target: path } })),
    stop,
    clear: (what: "run" | "lint" | "error") => setState((s) => ({ ...s, [what]: undefined })),
  };
}
