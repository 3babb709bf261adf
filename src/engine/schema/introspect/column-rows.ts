import type { ColumnInfo } from "../model.js";
import { ColumnNames, toColumn } from "./relation-rows.js";

type Row = Record<string, unknown>;

/** One column read, made into its model part, with the relation and number it belongs at. */
export interface ColumnEntry {
  rel: number;
  num: number;
  column: ColumnInfo;
}

/**
 * The columns query's rows, each made into its model part as it arrives (with its identity sequence's options
 * and its comment, read before), so that the rows themselves need not be kept: a big schema has hundreds of
 * thousands. Also gathers the column names (for keys and indexes) and the columns' grants.
 */
export class ColumnRows {
  readonly names = new ColumnNames();
  /** Grants of table columns (`GRANT SELECT (col)`): relation oid, column name, grants. */
  readonly grants: Row[] = [];
  private readonly read: ColumnEntry[] = [];
  private readonly details = new Map<number, Map<number, Row>>();
  private readonly last = new Map<number, number>();
  private readonly unordered = new Set<number>();

  constructor(identities: Row[], comments: Row[]) {
    for (const r of identities) this.detail(r).sequence = r.sequence;
    for (const r of comments) this.detail(r).comment = r.comment;
  }

  add(row: Row): void {
    const rel = Number(row.rel);
    const num = Number(row.num);
    if (this.details.size > 0) {
      const extra = this.details.get(rel)?.get(num);
      if (extra) Object.assign(row, extra);
    }
    this.names.add(row);
    if (row.grants != null) this.grants.push({ rel, column: row.name, grants: row.grants });
    this.read.push({ rel, num, column: toColumn(row) });
    // The query does not sort (it would cost the server more than the rest): note tables out of order.
    const before = this.last.get(rel);
    if (before !== undefined && num < before) this.unordered.add(rel);
    this.last.set(rel, num);
  }

  /** Every column read, each table's in column-number order. */
  entries(): ColumnEntry[] {
    if (this.unordered.size === 0) return this.read;
    const moved = this.read.filter((c) => this.unordered.has(c.rel)).sort((a, b) => a.num - b.num);
    return [...this.read.filter((c) => !this.unordered.has(c.rel)), ...moved];
  }

  private detail(r: Row): Row {
    let table = this.details.get(Number(r.rel));
    if (!table) {
      table = new Map();
      this.details.set(Number(r.rel), table);
    }
    let row = table.get(Number(r.num));
    if (!row) {
      row = {};
      table.set(Number(r.num), row);
    }
    return row;
  }
}
