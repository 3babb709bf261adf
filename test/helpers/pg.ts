import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { freePort } from "./free-port.js";

/**
 * One harness for every test that needs PostgreSQL.
 * With TEST_DATABASE_URL set (CI: the server on 127.0.0.1:5432) each call creates its own uniquely
 * named database and drops it afterwards. Without it, an embedded PGlite is served on a loopback port,
 * so the code under test still connects with a real postgres:// URL through `pg`.
 */
export interface TestDatabase {
  url: string;
  kind: "server" | "pglite";
  name: string;
  /** Run SQL on the test database (a fresh short-lived connection). */
  exec(sql: string): Promise<void>;
  drop(): Promise<void>;
}

export const usingServer = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(prefix = "sb_test"): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dbUrl = url.toString();
    return {
      url: dbUrl,
      kind: "server",
      name,
      exec: (sql) => withClient(dbUrl, (c) => c.query(sql)).then(() => undefined),
      drop: () =>
        withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
          () => undefined,
        ),
    };
  }
  const db = await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  const dbUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url: dbUrl,
    kind: "pglite",
    name,
    exec: async (sql) => {
      await db.exec(sql);
    },
    drop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

export async function withClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
