import type { GenerateResult, ScaffoldFromDbResult } from "../../../engine/scaffold/index.js";
import { type PaneLine, wrapText } from "../../kit/scroll-lines.js";
import { glyph } from "../../kit/theme.js";

const VERB = { written: "written", unchanged: "unchanged", created: "created", kept: "kept" };

/** What to run next, in order: install what the code imports, then start the server. */
export function nextSteps(result: GenerateResult, outputLabel: string): string[] {
  const deps = Object.entries(result.dependencies).map(([n, v]) => `${n}@${v}`);
  const dev = Object.entries(result.devDependencies).map(([n, v]) => `${n}@${v}`);
  const dir = outputLabel.replace(/\/+$/, "");
  const has = (path: string) => result.files.some((f) => f.path === path);
  return [
    ...(deps.length ? [`npm install ${deps.join(" ")}`] : []),
    ...(dev.length ? [`npm install -D ${dev.join(" ")}`] : []),
    ...(has("auth.ts") ? [`say who may call in ${dir}/auth.ts (it refuses all until you do)`] : []),
    ...(has("server.ts") ? [`npx tsx ${dir}/server.ts   (PORT, HOST pick the address)`] : []),
    `fill in the handlers under ${dir}/handlers/ (yours; regenerating never overwrites them)`,
  ];
}

/** The result as lines for a scrolling pane: the files written (whose they are), then the next steps. */
export function resultLines(
  result: GenerateResult | ScaffoldFromDbResult,
  outputLabel: string,
  width: number,
): PaneLine[] {
  const lines: PaneLine[] = [];
  if ("tables" in result) {
    lines.push({ text: `Read ${result.tables.length} table(s) from ${result.database}` });
    for (const t of result.readOnlyTables)
      lines.push({ text: `${glyph.warn} ${t} has no primary key: list route only`, tone: "warn" });
  }
  lines.push({ text: `Files in ${outputLabel}`, bold: true });
  for (const f of result.files) {
    const tone = f.status === "unchanged" || f.status === "kept" ? "muted" : undefined;
    const owner = f.owner === "user" ? "  (yours: created once, never overwritten)" : "";
    lines.push({ text: `  ${VERB[f.status].padEnd(9)} ${f.path}${owner}`, tone });
  }
  for (const orphan of result.orphanedHandlers)
    lines.push({ text: `${glyph.warn} ${orphan} handles no operation any more`, tone: "warn" });
  lines.push({ text: "" }, { text: "Next", bold: true });
  for (const [i, step] of nextSteps(result, outputLabel).entries()) {
    for (const text of wrapText(`  ${i + 1}. ${step}`, width, "     "))
      lines.push({ text, tone: "accent" });
  }
  return lines;
}
