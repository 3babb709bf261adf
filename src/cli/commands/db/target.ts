import {
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "../../../engine/schema/index.js";
import { UserError } from "../../../engine/shared/index.js";

/**
 * The live database the migrate/analyze modes work on: --connection, then DATABASE_URL, then the
 * libpq PG* variables. Connection problems surface as one-line UserErrors (exit 2).
 */
export async function connectTarget(connection: string | undefined, mode: string): Promise<Db> {
  const url = resolveConnectionString(connection);
  if (!url && !hasLibpqEnvironment()) {
    throw new UserError(`${mode} needs a database`, {
      hint: "pass --connection postgres://user@host:5432/db, or set DATABASE_URL or the PG* variables",
      exitCode: 2,
    });
  }
  return connectServer(url, { applicationName: `senior-backend ${mode}` });
}
