import { useEffect, useRef, useState } from "react";
import {
  type DemoProfile,
  type DemoTarget,
  type Gates,
  judgeRun,
  type LoadOutcome,
  type LoadPlan,
  type LoadProgress,
  type LoadRun,
  startDemoTarget,
  startLoad,
} from "../../../engine/load/index.js";
import { writeLoadOutputs } from "../../../report/load-outputs.js";

/** What the load screen runs: a plan, its gates, and the files to write at the end. */
export interface LoadSetup {
  plan: LoadPlan;
  gates: Gates;
  save?: string;
  output?: string;
  timeseries?: string;
  report?: string;
  hdrLog?: string;
  /** Epoch ms to begin sending at (a shared start). */
  startAt?: number;
  /** The exit code the screen will leave with for this outcome (written into --output JSON). */
  exitCode?: (outcome: LoadOutcome) => number;
  /** Start the built-in demo target first and point the plan at it. */
  demo?: Partial<DemoProfile>;
}

export interface LoadRunState {
  progress?: LoadProgress;
  outcome?: LoadOutcome;
  /** Files written after the run (--save, --output). */
  written: string[];
  error?: string;
  /** The URL being loaded (the demo target's once it has started). */
  url?: string;
}

/**
 * How often the screen copies the engine's counters (samples stay in the engine). A frame of the
 * live view costs the terminal layer several ms of the core the load is sent from; twice a second
 * keeps the screen's share of that core small, and the charts still show every ¼ s slice.
 */
export const SNAPSHOT_MS = 500;

/**
 * Runs one load test for `setup`. The engine keeps every sample; this hook copies a snapshot
 * into React state on a timer (SNAPSHOT_MS), so the screen re-renders at most that often.
 */
export function useLoadRun(setup: LoadSetup | undefined) {
  const [state, setState] = useState<LoadRunState>({ written: [] });
  const runRef = useRef<LoadRun | undefined>(undefined);
  const finished = useRef(false);

  useEffect(() => {
    if (!setup) return;
    let cancelled = false;
    let demo: DemoTarget | undefined;
    let timer: NodeJS.Timeout | undefined;
    finished.current = false;
    const fail = (error: unknown) => {
      finished.current = true;
      if (!cancelled)
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
    };
    (async () => {
      let plan = setup.plan;
      if (setup.demo) {
        demo = await startDemoTarget(setup.demo);
        plan = { ...plan, url: demo.url };
      }
      if (cancelled) return;
      const run = startLoad(plan, {
        hdrLogPath: setup.hdrLog,
        offThread: true,
        startAt: setup.startAt,
      });
      runRef.current = run;

      let shown = run.snapshot();
      setState({ written: [], url: plan.url, progress: shown });
      timer = setInterval(() => {
        const next = run.snapshot();
        // Nothing moved (starting, warming up with nothing sent yet): no frame to draw.
        if (sameProgress(shown, next)) return;
        shown = next;
        setState((s) => ({ ...s, progress: next }));
      }, SNAPSHOT_MS);
      const report = await run.result;
      clearInterval(timer);
      finished.current = true;
      const outcome = judgeRun(report, setup.gates);
      const written = writeLoadOutputs(outcome, {
        save: setup.save,
        output: setup.output,
        timeseries: setup.timeseries,
        report: setup.report,
        exitCode: setup.exitCode?.(outcome),
        thresholds: setup.gates.failOn,
        baseline: setup.gates.baseline?.snapshot.report,
      });
      if (!cancelled) setState((s) => ({ ...s, progress: run.snapshot(), outcome, written }));
    })().catch(fail);
    return () => {
      cancelled = true;
      clearInterval(timer);
      runRef.current?.stop();
      runRef.current?.result.finally(() => demo?.close()).catch(() => {});
      if (!runRef.current) void demo?.close();
    };
  }, [setup]);

  return {
    state,
    /** Stop a running test early (its summary still comes); true when one was running. */
    stop: (): boolean => {
      if (!runRef.current || finished.current) return false;
      runRef.current.stop();
      return true;
    },
  };
}

/** Two snapshots a frame would draw the same. */
function sameProgress(a: LoadProgress, b: LoadProgress): boolean {
  return (
    a.phase === b.phase &&
    a.elapsedMs === b.elapsedMs &&
    a.requests === b.requests &&
    a.failures === b.failures &&
    a.inFlight === b.inFlight &&
    a.level === b.level &&
    a.cpu === b.cpu &&
    a.lagMs === b.lagMs &&
    a.recent.length === b.recent.length &&
    a.timeline.length === b.timeline.length
  );
}
