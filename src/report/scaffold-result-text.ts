import type { GeneratedFile, GenerateResult } from "../engine/scaffold/index.js";
import { paint } from "./style.js";

/** The old scaffolder's summary line: `Generated 12 route handlers, validation middleware, and TypeScript types`. */
export function scaffoldSummary(result: GenerateResult): string {
  const n = result.handlers;
  return `Generated ${n} route handler${n === 1 ? "" : "s"}, validation middleware, and TypeScript types`;
}

const VERB: Record<GeneratedFile["status"], string> = {
  written: "written",
  unchanged: "unchanged",
  created: "created",
  kept: "kept",
};

const CHECK_VERB: Record<GeneratedFile["status"], string> = {
  written: "out of date",
  unchanged: "up to date",
  created: "missing",
  kept: "kept",
};

/** Human text for a scaffold run (or `--check`). */
export function scaffoldResultText(
  result: GenerateResult,
  options: { check: boolean; outputLabel: string; source?: string },
): string {
  const lines: string[] = [];
  const changed = result.files.filter((f) => f.status === "written" || f.status === "created");
  if (options.check) {
    lines.push(
      result.outOfDate
        ? `${paint("Out of date:", "red")} ${changed.length} file(s) in ${options.outputLabel} differ from what ${result.framework} scaffold would generate`
        : `${paint("Up to date:", "green")} ${options.outputLabel} matches ${options.source ?? "the spec"} (${result.handlers} route handlers, ${result.framework})`,
    );
  } else {
    lines.push(`${scaffoldSummary(result)} (${result.framework}, in ${options.outputLabel})`);
  }
  const shown = options.check ? changed : result.files;
  const width = Math.max(
    ...shown.map((f) => (options.check ? CHECK_VERB : VERB)[f.status].length),
    0,
  );
  for (const file of shown) {
    const verb = (options.check ? CHECK_VERB : VERB)[file.status].padEnd(width);
    const owner = file.owner === "user" ? paint(" (yours)", "dim") : "";
    lines.push(`  ${verb}  ${file.path}${owner}`);
  }
  for (const orphan of result.orphanedHandlers) {
    lines.push(
      `${paint("warning:", "yellow")} ${orphan} handles no operation in the spec any more (left in place)`,
    );
  }
  if (!options.check) {
    const deps = Object.entries(result.dependencies).map(([n, v]) => `${n}@${v}`);
    const dev = Object.entries(result.devDependencies).map(([n, v]) => `${n}@${v}`);
    lines.push(`Install: npm install ${deps.join(" ")}`);
    lines.push(`         npm install -D ${dev.join(" ")}`);
  }
  return lines.join("\n");
}

/** The `--json` document for a scaffold run. */
export function scaffoldResultJson(
  result: GenerateResult,
  context: { mode: string; input: string; check: boolean },
) {
  return {
    command: "scaffold",
    mode: context.mode,
    input: context.input,
    framework: result.framework,
    outputDir: result.outputDir,
    check: context.check,
    upToDate: !result.outOfDate,
    summary: scaffoldSummary(result),
    handlers: result.handlers,
    files: result.files,
    orphanedHandlers: result.orphanedHandlers,
    dependencies: result.dependencies,
    devDependencies: result.devDependencies,
  };
}
