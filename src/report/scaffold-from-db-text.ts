import type { ScaffoldFromDbResult } from "../engine/scaffold/index.js";
import { scaffoldResultJson, scaffoldResultText } from "./scaffold-result-text.js";
import { paint } from "./style.js";

/** The scaffold summary, preceded by what was read from the database. */
export function fromDbText(
  result: ScaffoldFromDbResult,
  options: { check: boolean; outputLabel: string },
): string {
  const lines = [
    `Read ${result.tables.length} table${result.tables.length === 1 ? "" : "s"} from ${result.database}`,
  ];
  const width = Math.max(0, ...result.tables.map((t) => t.path.length));
  for (const table of result.tables) {
    const what = table.readOnly
      ? paint("list only (no primary key)", "yellow")
      : "list, get, create, update, delete";
    lines.push(`  ${table.path.padEnd(width)}  ${what}  ${paint(table.name, "dim")}`);
  }
  lines.push(scaffoldResultText(result, { ...options, source: "the database" }));
  if (!options.check) lines.push(`Spec: ${result.specFile} (OpenAPI 3.1, beside the routes)`);
  if (result.unexpressedChecks.length > 0) {
    lines.push(
      paint(
        `${result.unexpressedChecks.length} CHECK constraint(s) are enforced by the database only (a violation answers 400):`,
        "dim",
      ),
      ...result.unexpressedChecks.map((c) => paint(`  ${c}`, "dim")),
    );
  }
  return lines.join("\n");
}

/** The `--json` document: the scaffold result plus the tables read. */
export function fromDbJson(result: ScaffoldFromDbResult, check: boolean) {
  return {
    ...scaffoldResultJson(result, { mode: "from-db", input: result.database, check }),
    database: result.database,
    specFile: result.specFile,
    tables: result.tables,
    readOnlyTables: result.readOnlyTables,
    unexpressedChecks: result.unexpressedChecks,
  };
}
