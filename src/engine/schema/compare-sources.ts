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
  const closed = new Set<SchemaSource>();
  const close = (source: SchemaSource) => {
    if (closed.has(source)) return Promise.resolve();
    closed.add(source);
    return source.close().catch(() => {});
  };
  const stepTo = (text: string) => {
    options.signal?.throwIfAborted();
    options.onEvent?.({ type: "step", step: text });
  };
  // Ctrl+C while a server's catalog is read: the query in flight is cancelled on the server (a backend waiting
  // for a lock would not notice a closed socket) and the connection closed, instead of the read running to its
  // end. An embedded PostgreSQL finishes its query first.
  const stopReads = () => {
    for (const source of opened) {
      if (source.kind !== "server") continue;
      const cancel = source.db?.cancel?.() ?? Promise.resolve();
      void cancel.catch(() => {}).finally(() => close(source));
    }
  };
  options.signal?.addEventListener("abort", stopReads, { once: true });
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
        await close(a.source);
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
  } catch (error) {
    // A read that failed because Ctrl+C closed its connection: the stop is what happened.
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", stopReads);
    await Promise.all(opened.map(close));
  }
}
