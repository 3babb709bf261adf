import type { Comparison, SchemaChange } from "../engine/schema/index.js";
import { paint, type Style } from "./style.js";

const MARK: Record<SchemaChange["change"], { glyph: string; style: Style }> = {
  added: { glyph: "+", style: "green" },
  removed: { glyph: "-", style: "red" },
  changed: { glyph: "~", style: "yellow" },
  renamed: { glyph: ">", style: "cyan" },
};

function objectName(c: SchemaChange): string {
  if (c.kind === "schema" || c.kind === "extension") return c.name;
  if (!c.table && c.schema === c.name) return c.name;
  return [c.schema, c.table, c.name].filter(Boolean).join(".");
}

/** The human report of `db --compare` / `db --from A --to B`: every change with its hazards. */
export function schemaDiffReport(result: Comparison, written?: string): string {
  const { diff } = result;
  const lines = [`${paint("schema diff", "bold")}  ${result.from.label} → ${result.to.label}`];
  if (diff.changes.length === 0) {
    lines.push("", "no differences: the schemas match");
    return lines.join("\n");
  }
  lines.push("");
  for (const c of diff.changes) {
    const mark = MARK[c.change];
    const head = `${paint(mark.glyph, mark.style)} ${c.kind.padEnd(17)} ${objectName(c)}`;
    lines.push(c.change === "renamed" ? `${head}  (from ${c.before})` : head);
    const hazards = new Map<string, string>();
    for (const s of c.up) for (const h of s.hazards) hazards.set(`${h.kind}: ${h.message}`, h.kind);
    for (const [text, kind] of hazards) {
      lines.push(`    ${paint("!", kind === "data-loss" ? "red" : "yellow")} ${text}`);
    }
  }
  const counts = countBy(diff.changes.map((c) => c.change));
  lines.push(
    "",
    `${diff.changes.length} changes (${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ")})`,
  );
  if (diff.destructive.length > 0) {
    lines.push(
      `${paint(`${diff.destructive.length} destructive`, "red")}: ${diff.destructive.map(objectName).join(", ")}`,
    );
  }
  if (diff.renameCandidates.length > 0) {
    lines.push("", "looks like a rename (confirm to keep the data):");
    for (const r of diff.renameCandidates) {
      const what =
        r.kind === "table"
          ? `${r.schema}.${r.from} → ${r.to}`
          : `${r.schema}.${r.table}.${r.from} → ${r.to}`;
      lines.push(`  ${what}   ${paint(r.flag, "cyan")}`);
    }
  }
  if (written) lines.push("", `migration written to ${written}`);
  return lines.join("\n");
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
