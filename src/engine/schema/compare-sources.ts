import { redactConnectionString } from "../shared/redact.js";
import { type DiffOptions, diffSchemas, type SchemaDiff } from "./diff/diff-schemas.js";
import type { SchemaFilters } from "./introspect/schema-filters.js";
import type { SchemaModel } from "./model.js";
import { type MigrationPlan, type PlanOptions, planMigration } from "./plan/plan-migration.js";
import { isConnectionString, openSource, type SchemaSource } from "./sources/open-source.js";

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
    const read = async (spec: string | undefined) => {
      stepTo(`opening ${spec ? redactConnectionString(spec) : "the database"}`);
      const source = await openSource(spec);
      opened.push(source);
      stepTo(`reading the schema of ${source.label}`);
      return { source, model: await source.model(options.filters) };
    };
    const live = (spec: string | undefined) => spec === undefined || isConnectionString(spec);
    let a: Awaited<ReturnType<typeof read>>;
    let b: Awaited<ReturnType<typeof read>>;
    if (live(fromSpec) && live(toSpec)) {
      // Two servers: both catalogs are read at the same time.
      [a, b] = await Promise.all([read(fromSpec), read(toSpec)]);
    } else {
      // One source at a time: an embedded PostgreSQL is closed before the next one starts (memory).
      a = await read(fromSpec);
      if (a.source.kind !== "server") {
        opened.splice(opened.indexOf(a.source), 1);
        await a.source.close();
        // Its WebAssembly heap is garbage now; when the process allows it (--expose-gc), free it first.
        (globalThis as { gc?: () => void }).gc?.();
      }
      b = await read(toSpec);
    }
    const [from, fromModel, to, toModel] = [a.source, a.model, b.source, b.model];
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
