/**
 * The migration file format shared by the planner (writes) and the migrator (reads).
 *
 *   -- senior-backend migration: 20261124T021500Z_add_user_indexes
 *   -- migrate:up
 *   ALTER TABLE …;
 *   -- migrate:up transaction:false
 *   CREATE INDEX CONCURRENTLY …;
 *   -- migrate:down transaction:false
 *   DROP INDEX CONCURRENTLY …;
 *   -- migrate:down
 *   ALTER TABLE …;
 *
 * Sections run in file order within their direction. A transactional section runs in one transaction;
 * a `transaction:false` section runs statement by statement outside any transaction block.
 * A file without markers is one transactional up section (plain .sql files from older tools).
 */
export interface MigrationSection {
  direction: "up" | "down";
  transactional: boolean;
  sql: string;
}

export interface MigrationFile {
  name?: string;
  header: string;
  sections: MigrationSection[];
}

const MARKER = /^--\s*migrate:(up|down)\b(.*)$/;

export function parseMigrationFile(text: string): MigrationFile {
  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  const sections: MigrationSection[] = [];
  let current: { direction: "up" | "down"; transactional: boolean; lines: string[] } | undefined;
  let name: string | undefined;
  for (const line of lines) {
    const m = MARKER.exec(line.trim());
    if (m) {
      if (current) sections.push(finish(current));
      current = {
        direction: m[1] as "up" | "down",
        transactional: !/transaction\s*:\s*false/.test(m[2] ?? ""),
        lines: [],
      };
      continue;
    }
    if (current) current.lines.push(line);
    else {
      const n = /^--\s*senior-backend migration:\s*(\S+)/.exec(line.trim());
      if (n) name = n[1];
      header.push(line);
    }
  }
  if (current) sections.push(finish(current));
  if (sections.length === 0) {
    return {
      name,
      header: "",
      sections: [{ direction: "up", transactional: true, sql: text.trim() }],
    };
  }
  return { name, header: header.join("\n").trim(), sections: sections.filter((s) => s.sql !== "") };
}

function finish(s: {
  direction: "up" | "down";
  transactional: boolean;
  lines: string[];
}): MigrationSection {
  return { direction: s.direction, transactional: s.transactional, sql: s.lines.join("\n").trim() };
}

export function formatMigrationFile(file: MigrationFile): string {
  const parts: string[] = [];
  if (file.name) parts.push(`-- senior-backend migration: ${file.name}`);
  if (file.header) parts.push(file.header);
  for (const s of file.sections) {
    parts.push(
      `-- migrate:${s.direction}${s.transactional ? "" : " transaction:false"}\n${s.sql.trim()}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}
