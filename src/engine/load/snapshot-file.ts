import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UserError } from "../shared/index.js";
import type { LoadReport } from "./types.js";

export const SNAPSHOT_KIND = "senior-backend/load-run";

/** A saved run (`--save`), later used as a baseline (`--baseline`, `--compare FILE`). */
export interface LoadSnapshot {
  kind: typeof SNAPSHOT_KIND;
  version: 1;
  savedAt: string;
  report: LoadReport;
}

export function saveSnapshot(path: string, report: LoadReport): string {
  const full = resolve(path);
  const snapshot: LoadSnapshot = {
    kind: SNAPSHOT_KIND,
    version: 1,
    savedAt: new Date().toISOString(),
    report,
  };
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, `${JSON.stringify(snapshot, null, 2)}\n`);
  } catch (error) {
    throw new UserError(`cannot write ${full} (${(error as NodeJS.ErrnoException).code})`);
  }
  return full;
}

/** Read a saved run; also accepts the document `load --json` prints. */
export function loadSnapshot(path: string): LoadSnapshot {
  const full = resolve(path);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(full, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code ? `cannot read baseline ${full} (${code})` : `baseline ${full} is not valid JSON`,
      { hint: "save one first with: senior-backend load URL --save snapshots/NAME.json" },
    );
  }
  const doc = data as { kind?: string; report?: unknown; savedAt?: string };
  const report = (doc.report ?? data) as Partial<LoadReport>;
  if (
    typeof report !== "object" ||
    report === null ||
    typeof report.rps !== "number" ||
    typeof report.requests !== "number" ||
    !report.latency ||
    !Array.isArray(report.timeline)
  ) {
    throw new UserError(`${full} is not a saved load run`, {
      hint: "baselines are written by --save (or are the output of --json)",
    });
  }
  return {
    kind: SNAPSHOT_KIND,
    version: 1,
    savedAt: doc.savedAt ?? report.startedAt ?? "",
    report: report as LoadReport,
  };
}
