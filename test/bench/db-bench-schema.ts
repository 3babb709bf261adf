/**
 * The benchmark's generated schema: `tables` tables of 10 columns each (so 2,000 tables ≈ 20,000 columns),
 * a primary key, a foreign key to the previous table with an index on it, a second index and a CHECK;
 * and the set of changes that turns a copy of it into the "to" side of the diff.
 */
export const COLUMNS_PER_TABLE = 10;

export function tableName(i: number): string {
  return `t${String(i).padStart(4, "0")}`;
}

/** CREATE statements for tables [from, to), in batches of one string per call. */
export function createTablesSql(from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tableName(i);
    const fk =
      i > 0 ? `parent_id bigint REFERENCES ${tableName(i - 1)} (id),` : "parent_id bigint,";
    parts.push(
      `CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ${fk}
  name text NOT NULL,
  email varchar(200),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status smallint NOT NULL DEFAULT 0,
  payload jsonb,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz
);
CREATE INDEX ${t}_parent_id_idx ON ${t} (parent_id);
CREATE INDEX ${t}_created_at_idx ON ${t} (created_at) WHERE active;`,
    );
  }
  return parts.join("\n");
}

/**
 * Changes applied to the copy: added, dropped and retyped columns, new and dropped indexes,
 * new tables with foreign keys. Returns the SQL and how many changes it makes.
 */
export function changeSql(tables: number): { sql: string; changes: number } {
  const sql: string[] = [];
  let changes = 0;
  for (let i = 0; i < tables; i += 40) {
    sql.push(`ALTER TABLE ${tableName(i)} ADD COLUMN note text;`);
    changes++;
  }
  for (let i = 7; i < tables; i += 100) {
    sql.push(`ALTER TABLE ${tableName(i)} DROP COLUMN payload;`);
    changes++;
  }
  for (let i = 13; i < tables; i += 100) {
    sql.push(`ALTER TABLE ${tableName(i)} ALTER COLUMN email TYPE text;`);
    changes++;
  }
  for (let i = 21; i < tables; i += 50) {
    sql.push(`CREATE INDEX ${tableName(i)}_status_idx ON ${tableName(i)} (status);`);
    changes++;
  }
  for (let i = 33; i < tables; i += 200) {
    sql.push(`DROP INDEX ${tableName(i)}_created_at_idx;`);
    changes++;
  }
  for (let i = 0; i < 5; i++) {
    sql.push(
      `CREATE TABLE extra_${i} (id bigint PRIMARY KEY, owner_id bigint NOT NULL REFERENCES ${tableName(i)} (id), label text);`,
    );
    changes++;
  }
  return { sql: sql.join("\n"), changes };
}
