import { redactConnectionString } from "../shared/redact.js";
import { type DiffOptions, diffSchemas, type SchemaDiff } from "./diff/diff-schemas.js";
import type { SchemaFilters } from "./introspect/schema-filters.js";
import type { SchemaModel } from "./model.js";
import { type MigrationPlan, type PlanOptions, planMigration } from "./plan/plan-migration.js";
import { openSource, type SchemaSource } from "./sources/open-source.js";

/** Sent as each step starts ("opening …", "reading …", "comparing"). */
export type CompareEvent = { type: "step"; step: string };

export interface CompareOptions extends DiffOptions, Omit<PlanOptions, "headerLines"> {
  filters?: SchemaFilters;
  signal?: AbortSignal;
  onEvent?: (event: CompareEvent) => void;
}

export interface Comparison {
  from: { label: string; kind: SchemaSource["kind"]; model: SchemaModel };
  to: { label: string; kind: SchemaSource["kind"]; model: SchemaModel };
  diff: SchemaDiff;
  plan: MigrationPlan;
}

/** Open two sources, read both schemas, diff them and plan the migration. Closes what it opened. */
export async function compareSources(
  fromSpec: string | undefined,
  toSpec: string | undefined,
  options: CompareOptions = {},
): Promise<Comparison> {
  const opened: SchemaSource[] = [];
  const stepTo = (text: string) => {
    options.signal?.throwIfAborted();
    options.onEvent?.({ type: "step", step: text });
  };
  try {
    stepTo(`opening ${fromSpec ? redactConnectionString(fromSpec) : "the database"}`);
    const from = await openSource(fromSpec);
    opened.push(from);
    stepTo(`opening ${toSpec ? redactConnectionString(toSpec) : "the database"}`);
    const to = await openSource(toSpec);
    opened.push(to);
    stepTo(`reading the schema of ${from.label}`);
    const fromModel = await from.model(options.filters);
    stepTo(`reading the schema of ${to.label}`);
    const toModel = await to.model(options.filters);
    stepTo("comparing");
    const diff = diffSchemas(fromModel, toModel, options);
    const plan = planMigration(diff.changes, {
      ...options,
      headerLines: [`from: ${from.label}`, `to:   ${to.label}`],
    });
    return {
      from: { label: from.label, kind: from.kind, model: fromModel },
      to: { label: to.label, kind: to.kind, model: toModel },
      diff,
      plan,
    };
  } finally {
    await Promise.all(opened.map((s) => s.close().catch(() => {})));
  }
}
