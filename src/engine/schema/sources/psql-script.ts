/**
 * Make a psql script (what `pg_dump --schema-only` writes) loadable by a plain SQL session:
 * psql meta-commands (`\restrict`, `\connect`, …) become comments (line numbers stay the same), and the
 * roles the script names (OWNER TO, GRANT … TO, CREATE POLICY … TO, AUTHORIZATION) are created first,
 * since the embedded database has only its own superuser; roles the script creates itself (CREATE ROLE,
 * USER or GROUP) are left to it. A scan for those clauses, not a SQL parser.
 */
const BUILT_IN = new Set(["public", "current_user", "session_user", "current_role", "postgres"]);

export function withoutMetaCommands(sql: string): string {
  return sql.replace(/^([ \t]*)\\/gm, "$1-- \\");
}

export function rolesNamedIn(sql: string): string[] {
  const found = new Set<string>();
  const add = (list: string) => {
    for (const raw of list.split(",")) {
      const name = raw.trim().replace(/^GROUP\s+/i, "");
      const unquoted = name.startsWith('"')
        ? name.slice(1, -1).replace(/""/g, '"')
        : name.toLowerCase();
      if (unquoted && /^("[^"]+"|[\w$]+)$/.test(name) && !BUILT_IN.has(unquoted))
        found.add(unquoted);
    }
  };
  for (const m of sql.matchAll(/\bOWNER\s+TO\s+("[^"]+"|[\w$]+)/gi)) add(m[1] ?? "");
  for (const m of sql.matchAll(/\bAUTHORIZATION\s+("[^"]+"|[\w$]+)/gi)) add(m[1] ?? "");
  for (const m of sql.matchAll(
    /^\s*GRANT\b[^;]*?\bTO\s+([^;]+?)(?:\s+WITH\s+\w+\s+OPTION)?\s*;/gim,
  )) {
    add(m[1] ?? "");
  }
  for (const m of sql.matchAll(
    /\bCREATE\s+POLICY\b[^;]*?\bTO\s+([^;]+?)(?=\s+USING\b|\s+WITH\s+CHECK\b|\s*;)/gis,
  )) {
    add(m[1] ?? "");
  }
  for (const m of sql.matchAll(/^\s*CREATE\s+(?:ROLE|USER|GROUP)\s+("[^"]+"|[\w$]+)/gim)) {
    const name = m[1] ?? "";
    found.delete(name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase());
  }
  return [...found].sort();
}

export function createRolesSql(roles: string[]): string {
  return roles
    .map((r) => {
      const ident = `"${r.replace(/"/g, '""')}"`;
      return `DO $$ BEGIN CREATE ROLE ${ident}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`;
    })
    .join("\n");
}
