import { useEffect, useRef, useState } from "react";
import {
  type AuditReport,
  type CheckId,
  type RunAuditOptions,
  runAudit,
} from "../../../engine/audit/index.js";

export interface AuditProgress {
  running: boolean;
  current?: CheckId;
  done: Array<{ check: CheckId; findings: number }>;
  sent: number;
  report?: AuditReport;
  error?: string;
}

/**
 * Runs the audit engine once for the given options; progress is kept in a ref and copied into state
 * on a 150 ms timer, so a fast burst of requests does not re-render per request.
 */
export function useAuditRun(options: Omit<RunAuditOptions, "signal" | "onEvent"> | undefined) {
  const live = useRef<AuditProgress>({ running: false, done: [], sent: 0 });
  const [progress, setProgress] = useState<AuditProgress>(live.current);
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (!options) return;
    const abort = new AbortController();
    controller.current = abort;
    live.current = { running: true, done: [], sent: 0 };
    const timer = setInterval(() => setProgress({ ...live.current }), 150);
    runAudit({
      ...options,
      signal: abort.signal,
      onEvent: (e) => {
        if (e.type === "check-start") live.current.current = e.check;
        if (e.type === "check-done")
          live.current.done = [...live.current.done, { check: e.check, findings: e.findings }];
        if (e.type === "request") live.current.sent = e.sent;
      },
    }).then(
      (report) => {
        live.current = { ...live.current, running: false, report };
        setProgress({ ...live.current });
      },
      (error: unknown) => {
        live.current = {
          ...live.current,
          running: false,
          error: error instanceof Error ? error.message : String(error),
        };
        setProgress({ ...live.current });
      },
    );
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [options]);

  return {
    progress,
    /** Stop a running audit; the engine returns what it found so far. Returns true when something was running. */
    stop: (): boolean => {
      if (!live.current.running) return false;
      controller.current?.abort();
      return true;
    },
  };
}
