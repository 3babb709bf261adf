import { useCallback, useEffect, useRef, useState } from "react";
import { type AnalyzeResult, analyzeDatabase, openSource } from "../../../engine/schema/index.js";
import { redactSecretsInText, UserError } from "../../../engine/shared/index.js";

export interface AnalyzeProgress {
  phase: "running" | "done" | "failed";
  step: string;
  index: number;
  total: number;
  result?: AnalyzeResult;
  error?: string;
  hint?: string;
}

/**
 * Analyze one database: a postgres:// URL (blank: DATABASE_URL or the PG* variables), a .sql file
 * or a migrations folder (loaded into embedded PostgreSQL; usage-statistics checks are skipped).
 * Stops on abort; the source is always closed.
 */
export function useAnalyzeRun(target: { spec: string } | undefined) {
  const [progress, setProgress] = useState<AnalyzeProgress>({
    phase: "running",
    step: "connecting",
    index: 0,
    total: 0,
  });
  const controller = useRef<AbortController | undefined>(undefined);
  const running = useRef(false);

  useEffect(() => {
    if (!target) return;
    const abort = new AbortController();
    controller.current = abort;
    running.current = true;
    setProgress({ phase: "running", step: "connecting", index: 0, total: 0 });
    const run = async () => {
      const source = await openSource(target.spec.trim() || undefined);
      try {
        if (!source.db)
          throw new UserError(`cannot analyze ${source.label}: a snapshot holds no database`, {
            hint: "give the database URL, or the .sql file or migrations folder it came from",
          });
        return await analyzeDatabase(source.db, {
          schemaOnly: source.kind !== "server",
          signal: abort.signal,
          onEvent: (e) =>
            setProgress((p) => ({ ...p, step: e.check, index: e.index, total: e.total })),
        });
      } finally {
        await source.close().catch(() => {});
      }
    };
    run().then(
      (result) => {
        running.current = false;
        if (!abort.signal.aborted) setProgress((p) => ({ ...p, phase: "done", result }));
      },
      (error: unknown) => {
        running.current = false;
        const e = error as { message?: string; hint?: string };
        setProgress((p) => ({
          ...p,
          phase: "failed",
          error: abort.signal.aborted
            ? "stopped before the analysis finished"
            : redactSecretsInText(e.message ?? String(error)),
          hint: abort.signal.aborted ? undefined : e.hint,
        }));
      },
    );
    return () => abort.abort(new Error("left the screen"));
  }, [target]);

  /** Stop a running analysis; true when one was running. */
  const stop = useCallback((): boolean => {
    if (!running.current) return false;
    controller.current?.abort(new Error("stopped"));
    return true;
  }, []);
  return { progress, stop };
}
