import { useCallback, useEffect, useRef, useState } from "react";
import {
  type Framework,
  type GenerateResult,
  generate,
  loadSpec,
  type ScaffoldFromDbResult,
  scaffoldFromDb,
} from "../../../engine/scaffold/index.js";
import { redactSecretsInText, UserError } from "../../../engine/shared/index.js";

/** What the form hands over: a spec file or a database URL, the framework, the output folder. */
export interface ScaffoldJob {
  source: string;
  framework: Framework;
  outputDir: string;
}

export interface ScaffoldProgress {
  phase: "running" | "done" | "failed" | "stopped";
  done: number;
  total: number;
  path?: string;
  result?: GenerateResult | ScaffoldFromDbResult;
  error?: string;
  hint?: string;
}

/** A database source: a postgres:// URL (anything else is a spec file). */
export function isDatabaseSource(source: string): boolean {
  return /^postgres(ql)?:\/\//i.test(source.trim());
}

/**
 * Runs the scaffold engine once per job: a spec through loadSpec → generate, a database through
 * scaffoldFromDb. Progress comes from the engine's `file` events, copied to state on a timer.
 */
export function useScaffoldRun(job: ScaffoldJob | undefined) {
  const live = useRef<ScaffoldProgress>({ phase: "running", done: 0, total: 0 });
  const [progress, setProgress] = useState<ScaffoldProgress>(live.current);
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (!job) return;
    const abort = new AbortController();
    controller.current = abort;
    live.current = { phase: "running", done: 0, total: 0 };
    setProgress(live.current);
    const timer = setInterval(() => setProgress({ ...live.current }), 100);
    const onEvent = (e: { type: string; done: number; total: number; path?: string }) => {
      if (e.type !== "file") return;
      live.current = { ...live.current, done: e.done, total: e.total, path: e.path };
    };
    const run = async () => {
      const options = {
        framework: job.framework,
        outputDir: job.outputDir,
        signal: abort.signal,
        onEvent,
      };
      if (isDatabaseSource(job.source))
        return scaffoldFromDb({ ...options, connectionString: job.source.trim() });
      const { model } = await loadSpec(job.source.trim(), { signal: abort.signal });
      if (model.operations.length === 0)
        throw new UserError(`${job.source} has no operations under "paths"`, {
          hint: "add at least one path with a method, e.g. `/users: { get: … }`",
        });
      return generate(model, options);
    };
    run().then(
      (result) => {
        live.current = { ...live.current, phase: "done", result };
        setProgress({ ...live.current });
      },
      (error: unknown) => {
        const e = error as { message?: string; hint?: string };
        live.current = {
          ...live.current,
          phase: abort.signal.aborted ? "stopped" : "failed",
          error: redactSecretsInText(e.message ?? String(error)),
          hint: e.hint,
        };
        setProgress({ ...live.current });
      },
    );
    return () => {
      clearInterval(timer);
      abort.abort(new Error("left the screen"));
    };
  }, [job]);

  /** Stop a running scaffold; true when one was running. */
  const stop = useCallback((): boolean => {
    if (live.current.phase !== "running" || !controller.current) return false;
    controller.current.abort(new Error("stopped"));
    return true;
  }, []);
  return { progress, stop };
}
