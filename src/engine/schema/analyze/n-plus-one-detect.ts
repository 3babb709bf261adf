import { parseSync } from "libpg-query";

/** One row of pg_stat_statements, as the detector needs it. */
export interface StatementStats {
  query: string;
  calls: number;
  rows: number;
}

export interface ForeignKeyColumn {
  schema: string;
  table: string;
  column: string;
}

export interface NPlusOneCandidate {
  query: string;
  calls: number;
  rowsPerCall: number;
  fk: ForeignKeyColumn;
}

/**
 * N+1 candidates: statements called many times that return few rows per call and select from a table
 * by equality on one of its foreign-key columns (`WHERE customer_id = $1`), the signature of a loop
 * fetching children one parent at a time. Queries are read with PostgreSQL's parser (libpg_query);
 * call `loadSqlParser()` first.
 */
export function findNPlusOneCandidates(
  stats: StatementStats[],
  fks: ForeignKeyColumn[],
  thresholds: { minCalls: number; maxRowsPerCall: number },
): NPlusOneCandidate[] {
  const out: NPlusOneCandidate[] = [];
  for (const s of stats) {
    if (s.calls < thresholds.minCalls) continue;
    const rowsPerCall = s.rows / Math.max(1, s.calls);
    if (rowsPerCall > thresholds.maxRowsPerCall) continue;
    for (const eq of equalityLookups(s.query)) {
      const fk = fks.find(
        (f) =>
          f.table === eq.table && f.column === eq.column && (!eq.schema || eq.schema === f.schema),
      );
      if (fk) {
        out.push({ query: s.query, calls: s.calls, rowsPerCall, fk });
        break;
      }
    }
  }
  return out.sort((a, b) => b.calls - a.calls);
}

interface Lookup {
  schema?: string;
  table: string;
  column: string;
}

type Node = Record<string, unknown>;

/** `column = $n` comparisons (ANDed) in a SELECT's WHERE, resolved to their table. */
export function equalityLookups(query: string): Lookup[] {
  let stmts: Array<{ stmt?: Node }>;
  try {
    stmts = (parseSync(query).stmts ?? []) as Array<{ stmt?: Node }>;
  } catch {
    return [];
  }
  const select = stmts[0]?.stmt?.SelectStmt as Node | undefined;
  if (!select || stmts.length !== 1) return [];
  const tables = rangeVars(select.fromClause as Node[] | undefined);
  if (tables.length === 0) return [];
  const lookups: Lookup[] = [];
  for (const cmp of andedComparisons(select.whereClause as Node | undefined)) {
    const fields = columnFields(cmp);
    if (!fields) continue;
    const column = fields[fields.length - 1];
    const qualifier = fields.length > 1 ? fields[fields.length - 2] : undefined;
    const table = qualifier
      ? tables.find((t) => t.alias === qualifier || t.table === qualifier)
      : tables.length === 1
        ? tables[0]
        : undefined;
    if (table) lookups.push({ schema: table.schema, table: table.table, column });
  }
  return lookups;
}

function rangeVars(
  from: Node[] | undefined,
): Array<{ schema?: string; table: string; alias?: string }> {
  const out: Array<{ schema?: string; table: string; alias?: string }> = [];
  const visit = (n: Node | undefined) => {
    if (!n) return;
    const rv = n.RangeVar as Node | undefined;
    if (rv) {
      out.push({
        schema: rv.schemaname as string | undefined,
        table: rv.relname as string,
        alias: (rv.alias as Node | undefined)?.aliasname as string | undefined,
      });
      return;
    }
    const join = n.JoinExpr as Node | undefined;
    if (join) {
      visit(join.larg as Node);
      visit(join.rarg as Node);
    }
  };
  for (const n of from ?? []) visit(n);
  return out;
}

function andedComparisons(where: Node | undefined): Node[] {
  if (!where) return [];
  const bool = where.BoolExpr as Node | undefined;
  if (bool) {
    return bool.boolop === "AND_EXPR"
      ? (bool.args as Node[]).flatMap((a) => andedComparisons(a))
      : [];
  }
  const expr = where.A_Expr as Node | undefined;
  return expr ? [expr] : [];
}

/** The column of `column = $n` / `$n = column`, as its name parts. */
function columnFields(expr: Node): string[] | undefined {
  if (expr.kind !== "AEXPR_OP") return undefined;
  const op = ((expr.name as Node[])?.[0]?.String as Node | undefined)?.sval;
  if (op !== "=") return undefined;
  const sides = [expr.lexpr as Node | undefined, expr.rexpr as Node | undefined];
  const col = sides.find((s) => s?.ColumnRef);
  const param = sides.find((s) => s?.ParamRef || s?.A_Const);
  if (!col || !param) return undefined;
  const fields = (col.ColumnRef as Node).fields as Node[];
  const names = fields.map((f) => (f.String as Node | undefined)?.sval as string | undefined);
  return names.every((n) => typeof n === "string") ? (names as string[]) : undefined;
}
