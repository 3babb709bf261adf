import { useEffect, useRef, useState } from "react";
import type { RenameCandidate, SchemaChange, SchemaModel } from "../../../engine/schema/index.js";
import { type DiffSides, loadSchemaDiff, type SchemaDiffSpec } from "./source.js";

/** What the screen is given: sources to load, or a diff already made (shown as is). */
export interface SchemaDiffRunParams extends SchemaDiffSpec {
  changes?: SchemaChange[];
}

export type Loaded =
  | { phase: "loading"; step: string }
  | {
      phase: "ready";
      changes: SchemaChange[];
      sides: DiffSides;
      renames: RenameCandidate[];
      /** The schema the diff leads to: its unchanged objects are browsable too. */
      target?: SchemaModel;
    }
  | { phase: "failed"; message: string; hint?: string };

/** The screen's one long-running piece of work: open both sources and diff them, abortable. */
export function useSchemaDiffRun(params: SchemaDiffRunParams) {
  const [loaded, setLoaded] = useState<Loaded>(() =>
    params.changes
      ? { phase: "ready", changes: params.changes, sides: sidesOf(params), renames: [] }
      : { phase: "loading", step: "starting" },
  );
  const abortRef = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (params.changes) return;
    const controller = new AbortController();
    abortRef.current = controller;
    loadSchemaDiff(params, controller.signal, (step) => setLoaded({ phase: "loading", step })).then(
      (result) => {
        if (!controller.signal.aborted) setLoaded({ phase: "ready", ...result });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error as { message?: string; hint?: string };
        setLoaded({ phase: "failed", message: e.message ?? String(error), hint: e.hint });
      },
    );
    return () => controller.abort(new Error("left the screen"));
  }, [params]);
  return { loaded, setLoaded, abortRef };
}

/** Labels of the two sides before anything is loaded (the demo when neither is given). */
export function sidesOf(params: SchemaDiffRunParams): DiffSides {
  if (!params.from && !params.to && !params.changes) {
    return { from: "demo v1", to: "demo v2" };
  }
  return { from: params.from, to: params.to };
}
