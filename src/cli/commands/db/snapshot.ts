import { introspect, snapshotOf, writeSnapshot } from "../../../engine/schema/index.js";
import type { CliContext } from "../../context.js";
import { EXIT, writeJson, writeText } from "../../output.js";
import { connectTarget } from "./target.js";

/** Flags of `db --connection URL --snapshot FILE.json`. */
export interface DbSnapshotFlags {
  connection?: string;
  schema?: string[];
  excludeSchema?: string[];
  json?: boolean;
}

/** Introspect the live database and write the model as a snapshot (itself a schema source later). */
export async function runSnapshotMode(
  flags: DbSnapshotFlags & { snapshot: string },
  _ctx: CliContext,
): Promise<number> {
  const db = await connectTarget(flags.connection, "--snapshot");
  try {
    const model = await introspect(db, { include: flags.schema, exclude: flags.excludeSchema });
    await writeSnapshot(flags.snapshot, snapshotOf(model, db.label));
    const counts = {
      schemas: model.schemas.length,
      tables: model.tables.length,
      views: model.views.length,
      functions: model.functions.length,
      enums: model.enums.length,
      sequences: model.sequences.length,
    };
    if (flags.json) writeJson({ snapshot: flags.snapshot, source: db.label, counts });
    else {
      const parts = Object.entries(counts).map(([k, v]) => `${v} ${k}`);
      writeText(`snapshot of ${db.label} written to ${flags.snapshot}: ${parts.join(", ")}`);
    }
    return EXIT.ok;
  } finally {
    await db.close().catch(() => {});
  }
}
