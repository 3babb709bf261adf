import { z } from "zod";
import {
  connectServer,
  type Db,
  hasLibpqEnvironment,
  resolveConnectionString,
} from "../../../engine/schema/index.js";
import { UserError } from "../../../engine/shared/index.js";

export const connectionArgument = z
  .string()
  .max(4096)
  .optional()
  .describe(
    "PostgreSQL connection, postgres://user@host:5432/db (default: the server's DATABASE_URL, then its PG* variables); the password is masked in results",
  );

export const schemasArgument = z
  .array(z.string().max(63))
  .max(64)
  .optional()
  .describe("only these schemas (default: every user schema)");

/** The database a db tool works on; connection problems are one-line UserErrors. */
export async function openDatabase(connection: string | undefined, tool: string): Promise<Db> {
  const url = resolveConnectionString(connection);
  if (!url && !hasLibpqEnvironment()) {
    throw new UserError(`${tool} needs a database`, {
      hint: "pass `connection` (postgres://user@host:5432/db), or start the server with DATABASE_URL set",
    });
  }
  return connectServer(url, { applicationName: `senior-backend mcp ${tool}` });
}
