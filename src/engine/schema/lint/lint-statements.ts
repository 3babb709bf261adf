import type { SqlStatement } from "../migrate/statement-split.js";
import { type LintRule, RULE_BY_ID } from "./lint-rules.js";

type Node = Record<string, unknown>;

export interface LintFinding {
  rule: string;
  severity: LintRule["severity"];
  hazard: LintRule["hazard"];
  file: string;
  line: number;
  /** The statement, first line, shortened. */
  statement: string;
  message: string;
  /** docs/db-rules/<id>.md */
  doc: string;
}

const VOLATILE =
  /^(clock_timestamp|random|gen_random_uuid|uuid_generate_v\w*|nextval|timeofday|statement_timestamp)$/i;

/** serial types: a DEFAULT nextval(…), filled in row by row. */
const SERIAL = /^(smallserial|serial|bigserial|serial[248])$/i;

const relationName = (rel: unknown): string => {
  const r = (rel ?? {}) as { schemaname?: string; relname?: string };
  return r.schemaname ? `${r.schemaname}.${r.relname}` : String(r.relname ?? "?");
};
const bare = (name: string) => name.slice(name.lastIndexOf(".") + 1);

const unwrap = (n: unknown): [string, Node] => {
  const key = Object.keys((n ?? {}) as Node)[0] ?? "";
  return [key, ((n as Node)?.[key] ?? {}) as Node];
};

/** What one section of a file knows while it is read top to bottom. */
export interface LintState {
  /** Tables created earlier in the file (unqualified names): empty, nobody else holds them. */
  created: Set<string>;
  /** SET [LOCAL] lock_timeout seen in this section. */
  lockTimeout: boolean;
  /** missing-lock-timeout is reported once per section. */
  lockTimeoutReported: boolean;
  /** Columns with a validated `CHECK (col IS NOT NULL)` earlier: SET NOT NULL skips its scan. */
  provenNotNull: Set<string>;
  /** Constraint name → column its CHECK (col IS NOT NULL) covers. */
  notNullChecks: Map<string, string>;
}

export function newLintState(created: Set<string>): LintState {
  return {
    created,
    lockTimeout: false,
    lockTimeoutReported: false,
    provenNotNull: new Set(),
    notNullChecks: new Map(),
  };
}

/** Findings for one statement; updates `state` with what the statement creates or sets. */
export function lintStatement(file: string, s: SqlStatement, state: LintState): LintFinding[] {
  const found: LintFinding[] = [];
  const add = (id: string, message: string) => {
    const rule = RULE_BY_ID.get(id);
    if (!rule) return;
    found.push({
      rule: id,
      severity: rule.severity,
      hazard: rule.hazard,
      file,
      line: s.line,
      statement: s.sql.split("\n")[0]?.slice(0, 100) ?? "",
      message,
      doc: `docs/db-rules/${id}.md`,
    });
  };
  const body = s.body ?? {};
  const existing = (rel: unknown) => !state.created.has(bare(relationName(rel)));
  let locks = false;
  switch (s.nodeType) {
    case "VariableSetStmt":
      if (body.name === "lock_timeout") state.lockTimeout = true;
      break;
    case "CreateStmt":
      state.created.add(bare(relationName(body.relation)));
      break;
    case "IndexStmt": {
      const table = relationName(body.relation);
      if (!body.concurrent && existing(body.relation)) {
        locks = true;
        add(
          "non-concurrent-index",
          `index on ${table} built without CONCURRENTLY: writes to ${table} wait until it is done`,
        );
      }
      break;
    }
    case "DropStmt": {
      if (body.removeType === "OBJECT_INDEX" && !body.concurrent) {
        locks = true;
        add("non-concurrent-index-drop", "DROP INDEX without CONCURRENTLY locks its table");
      }
      if (body.removeType === "OBJECT_TABLE") {
        locks = true;
        add("drop-table", "the table's rows are deleted for good");
      }
      break;
    }
    case "VacuumStmt": {
      const full = ((body.options ?? []) as unknown[]).some(
        (o) => String(unwrap(o)[1].defname) === "full",
      );
      const rels = ((body.rels ?? []) as unknown[]).map((r) => unwrap(r)[1].relation);
      if (body.is_vacuumcmd && full && (rels.length === 0 || rels.some(existing))) {
        locks = true;
        add(
          "vacuum-full",
          `VACUUM FULL ${rels.length ? rels.map(relationName).join(", ") : "(every table)"} rewrites the table under an ACCESS EXCLUSIVE lock: reads and writes wait until it is done`,
        );
      }
      break;
    }
    case "ClusterStmt":
      if (!body.relation || existing(body.relation)) {
        locks = true;
        add(
          "cluster",
          `CLUSTER ${body.relation ? relationName(body.relation) : "(every clustered table)"} rewrites the table under an ACCESS EXCLUSIVE lock: reads and writes wait until it is done`,
        );
      }
      break;
    case "ReindexStmt": {
      const concurrent = ((body.params ?? []) as unknown[]).some(
        (o) => String(unwrap(o)[1].defname) === "concurrently",
      );
      if (!concurrent && (!body.relation || existing(body.relation))) {
        locks = true;
        add(
          "non-concurrent-reindex",
          `REINDEX ${body.relation ? relationName(body.relation) : String(body.name ?? "")} without CONCURRENTLY blocks writes (and reads that use the index) until it is done`,
        );
      }
      break;
    }
    case "TruncateStmt": {
      const rels = ((body.relations ?? []) as unknown[]).map((r) => unwrap(r)[1]);
      if (rels.some(existing)) {
        locks = true;
        add("truncate", `TRUNCATE ${rels.map(relationName).join(", ")} deletes every row for good`);
      }
      break;
    }
    case "LockStmt":
      if (((body.relations ?? []) as unknown[]).some((r) => existing(unwrap(r)[1]))) locks = true;
      break;
    case "RenameStmt":
      if (body.renameType === "OBJECT_TABLE" || body.renameType === "OBJECT_COLUMN") {
        locks = true;
        add(
          "rename",
          `${relationName(body.relation)}${body.subname ? `.${body.subname}` : ""} → ${body.newname}: deploy code that reads both names first`,
        );
      }
      break;
    case "AlterTableStmt": {
      const table = relationName(body.relation);
      if (!existing(body.relation)) break;
      locks = true;
      for (const cmd of (body.cmds ?? []) as unknown[]) {
        const [, c] = unwrap(cmd);
        lintAlterCommand(table, c, state, add);
      }
      break;
    }
    default:
      break;
  }
  if (locks && !state.lockTimeout && !state.lockTimeoutReported) {
    state.lockTimeoutReported = true;
    add(
      "missing-lock-timeout",
      "add SET LOCAL lock_timeout = '5s' before it, so a long-running query cannot make it queue every other query",
    );
  }
  return found;
}

function lintAlterCommand(
  table: string,
  c: Node,
  state: LintState,
  add: (id: string, message: string) => void,
): void {
  const [, def] = unwrap(c.def);
  const constraints = ((def.constraints ?? []) as unknown[]).map((x) => unwrap(x)[1]);
  switch (c.subtype) {
    case "AT_AlterColumnType":
      add(
        "alter-column-type",
        `${table}.${c.name} changes type: the table is rewritten (add a new column and backfill instead)`,
      );
      break;
    case "AT_AddColumn": {
      const hasDefault = constraints.some((k) => k.contype === "CONSTR_DEFAULT");
      const notNull = constraints.some((k) => k.contype === "CONSTR_NOTNULL");
      const generated = constraints.some(
        (k) => k.contype === "CONSTR_GENERATED" || k.contype === "CONSTR_IDENTITY",
      );
      const typeName = ((def.typeName as Node | undefined)?.names ?? []) as unknown[];
      const serial = SERIAL.test(String(unwrap(typeName[typeName.length - 1])[1].sval ?? ""));
      if (notNull && !hasDefault && !generated && !serial)
        add("not-null-without-default", `${table}.${def.colname} is NOT NULL with no DEFAULT`);
      const volatile =
        serial ||
        constraints.some((k) => {
          if (k.contype === "CONSTR_GENERATED" || k.contype === "CONSTR_IDENTITY") return true;
          if (k.contype !== "CONSTR_DEFAULT") return false;
          // Any call in the expression, also under a cast or an operator: (random() * 10)::int.
          const names = JSON.stringify(k.raw_expr ?? {}).matchAll(/"String":\{"sval":"([^"]+)"\}/g);
          return [...names].some((m) => VOLATILE.test(m[1] ?? ""));
        });
      if (constraints.some((k) => k.contype === "CONSTR_PRIMARY" || k.contype === "CONSTR_UNIQUE"))
        add(
          "constraint-builds-index",
          `${table}.${def.colname} is added with PRIMARY KEY / UNIQUE: its index is built while writes wait (add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX)`,
        );
      if (volatile)
        add(
          "volatile-default",
          `${table}.${def.colname} is computed per row (volatile default, identity, serial or stored generated column): every row is rewritten`,
        );
      break;
    }
    case "AT_DropColumn":
      add("drop-column", `${table}.${c.name} and its values are deleted`);
      break;
    case "AT_SetNotNull":
      if (!state.provenNotNull.has(`${bare(table)}.${c.name}`))
        add(
          "set-not-null",
          `${table}.${c.name}: add CHECK (${c.name} IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (no scan)`,
        );
      break;
    case "AT_SetLogged":
    case "AT_SetUnLogged":
      add("set-logged", `${table} is rewritten`);
      break;
    case "AT_ValidateConstraint": {
      const column = state.notNullChecks.get(String(c.name));
      if (column) state.provenNotNull.add(`${bare(table)}.${column}`);
      break;
    }
    case "AT_AddConstraint": {
      const [, k] = unwrap(c.def);
      const name = String(k.conname ?? "");
      if (k.contype === "CONSTR_CHECK") {
        const text = JSON.stringify(k.raw_expr ?? {});
        const col =
          /"NullTest":\{"arg":\{"ColumnRef":\{"fields":\[\{"String":\{"sval":"([^"]+)"/.exec(
            text,
          )?.[1];
        if (col && text.includes("IS_NOT_NULL")) state.notNullChecks.set(name, col);
      }
      if ((k.contype === "CONSTR_FOREIGN" || k.contype === "CONSTR_CHECK") && !k.skip_validation)
        add(
          "constraint-not-valid",
          `${name || "the constraint"} on ${table} is checked against every row under the lock: add it NOT VALID, then VALIDATE CONSTRAINT`,
        );
      if ((k.contype === "CONSTR_PRIMARY" || k.contype === "CONSTR_UNIQUE") && !k.indexname)
        add(
          "constraint-builds-index",
          `${name || "the constraint"} on ${table}: CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX`,
        );
      break;
    }
    default:
      break;
  }
}
