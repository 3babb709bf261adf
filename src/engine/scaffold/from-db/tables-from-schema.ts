import type { SchemaModel } from "../../schema/index.js";
import type { CrudColumn, CrudTable } from "./crud-table.js";

/**
 * The tables `--from-db` scaffolds, from the schema engine's introspected model: every table that is
 * not a partition, with enum labels resolved, domains reduced to their base type, the primary key,
 * the leading plain column of each valid, non-partial index, and the CHECK constraints.
 */
export function tablesFromSchema(model: SchemaModel): CrudTable[] {
  const enums = new Map(model.enums.map((e) => [qualified(e.schema, e.name), e.values]));
  const domains = new Map(model.domains.map((d) => [qualified(d.schema, d.name), d]));
  return model.tables
    .filter((t) => !t.partitionOf)
    .map((table): CrudTable => {
      const columns = table.columns.map((c): CrudColumn => {
        const domain = domains.get(c.type);
        const type = domain ? domain.type : c.type;
        return {
          name: c.name,
          type,
          nullable: !c.notNull && !domain?.notNull,
          hasDefault:
            c.default !== undefined || c.identity === "by default" || domain?.default !== undefined,
          generated: c.identity === "always" || c.generated !== undefined,
          enumValues: enums.get(type),
        };
      });
      const names = new Set(columns.map((c) => c.name));
      const primary = table.constraints.find((c) => c.type === "primary-key");
      const leading = table.indexes
        .filter((i) => i.valid && !i.partial)
        .map((i) => unquoteIdent(i.columns[0] ?? ""))
        .filter((name) => names.has(name));
      const domainChecks = table.columns.flatMap((c) =>
        (domains.get(c.type)?.checks ?? []).map((check) =>
          check.definition.replace(/\bVALUE\b/g, quoteIfNeeded(c.name)),
        ),
      );
      return {
        schema: table.schema,
        name: table.name,
        columns,
        primaryKey: primary ? primary.columns.map(unquoteIdent) : [],
        indexedColumns: [...new Set(leading)],
        checks: [
          ...table.constraints.filter((c) => c.type === "check").map((c) => c.definition),
          ...domainChecks,
        ],
      };
    });
}

/** How format_type() names a type outside pg_catalog: `public.mood`, `app."Mood"`. */
function qualified(schema: string, name: string): string {
  return `${quoteIfNeeded(schema)}.${quoteIfNeeded(name)}`;
}

function quoteIfNeeded(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `"order id"` → `order id`; plain names are returned as they are. */
function unquoteIdent(text: string): string {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
}
