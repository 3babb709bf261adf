import type { Finding } from "../../../engine/schema/index.js";
import { type PaneLine, wrapText } from "../../kit/scroll-lines.js";

/** The detail of one analyzer finding: what, why, the fix SQL (as written, one line each), the guide. */
export function findingLines(f: Finding | undefined, width: number): PaneLine[] {
  if (!f) return [{ text: "No findings: nothing to fix.", tone: "ok" }];
  const lines: PaneLine[] = [];
  for (const text of wrapText(`${f.severity.toUpperCase()}: ${f.title}`, width, "  "))
    lines.push({
      text,
      bold: true,
      tone: f.severity === "error" ? "bad" : f.severity === "warning" ? "warn" : "info",
    });
  lines.push({ text: `${f.check} · ${f.object}`, tone: "muted" }, { text: "" });
  for (const text of wrapText(f.why, width)) lines.push({ text });
  lines.push({ text: "" }, { text: "Fix", bold: true, tone: "accent" });
  if (f.fix.trim()) {
    for (const raw of f.fix.split("\n"))
      for (const text of wrapText(raw, width - 2, "    ")) lines.push({ text: `  ${text}` });
  } else lines.push({ text: "  (not a SQL change; see the guide)", tone: "muted" });
  lines.push({ text: "" }, { text: `Guide: ${f.guide}`, tone: "muted" });
  return lines;
}
