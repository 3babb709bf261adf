/**
 * Cluster-wide roles for a corpus run (`npm run corpus:db -- DIR --create-roles`): the roles the cases name are
 * made before the run and dropped after it. A role that already exists is left alone and not dropped.
 */
import { connectServer } from "../../src/engine/schema/index.js";

/** Makes each role (SQL identifiers, already quoted) that does not exist yet; returns the ones it made. */
export async function makeRoles(url: string, roles: string[]): Promise<string[]> {
  const admin = await connectServer(url);
  const made: string[] = [];
  try {
    for (const role of roles) {
      const name = role.slice(1, -1).replaceAll('""', '"');
      const found = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
      if (found.rowCount > 0) continue;
      await admin.exec(`CREATE ROLE ${role} NOLOGIN`);
      made.push(role);
    }
  } finally {
    await admin.close();
  }
  return made;
}

/** Drops the roles a run made (their databases, and so their grants, are gone by then). */
export async function dropRoles(url: string, roles: string[]): Promise<void> {
  if (roles.length === 0) return;
  const admin = await connectServer(url);
  try {
    for (const role of roles) await admin.exec(`DROP ROLE IF EXISTS ${role}`);
  } finally {
    await admin.close();
  }
}
