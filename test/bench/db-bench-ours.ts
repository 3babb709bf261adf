/**
 * The senior-backend side of the db benchmark: introspection through the public schema API,
 * with each catalog query timed (to say where the time goes), and the diff of two models.
 */
import { connectServer, type Db, diffSchemas, introspect } from "../../src/engine/schema/index.js";
import { median } from "./db-bench-stats.js";

type Model = Awaited<ReturnType<typeof introspect>>;

export interface QueryTime {
  name: string;
  ms: number;
}

export async function ourIntrospection(fromUrl: string, toUrl: string, runs: number) {
  const from = await connectServer(fromUrl);
  const to = await connectServer(toUrl);
  try {
    const times: number[] = [];
    let fromModel: Model | undefined;
    let slowest: QueryTime[] = [];
    for (let i = 0; i < runs; i++) {
      const log: QueryTime[] = [];
      // introspect() names each object kind just before its catalog query runs.
      let kind = "search_path / schemas";
      const started = performance.now();
      fromModel = await introspect(
        timed(from, log, () => kind),
        {},
        {
          onEvent: (event) => {
            kind = `${event.kind} query`;
          },
        },
      );
      times.push(performance.now() - started);
      slowest = [...log].sort((a, b) => b.ms - a.ms).slice(0, 5);
    }
    const toModel = await introspect(to);
    return { ms: median(times), fromModel: fromModel as Model, toModel, slowest };
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

export async function ourDiff(fromModel: Model, toModel: Model, runs: number) {
  const times: number[] = [];
  let changes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = diffSchemas(fromModel, toModel, { allowDestructive: true });
    times.push(performance.now() - started);
    changes = result.changes.length;
  }
  return { ms: median(times), changes };
}

/** The same Db, recording how long each query takes under the name `name()` gives at the time. */
function timed(db: Db, log: QueryTime[], name: () => string): Db {
  const time = async <T>(run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      log.push({ name: name(), ms: performance.now() - started });
    }
  };
  const { each } = db;
  return {
    ...db,
    query: (sql, params) => time(() => db.query(sql, params)),
    // The columns query streams its rows.
    ...(each ? { each: (sql, params, onRow) => time(() => each(sql, params, onRow)) } : {}),
  };
}
