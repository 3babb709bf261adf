import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { UserError } from "../../shared/user-error.js";
import type { SchemaModel } from "../model.js";

/** A saved introspected model: `db --snapshot snapshots/NAME.json` writes it, any source spec can read it. */
export interface SchemaSnapshot {
  format: "senior-backend/schema-snapshot";
  version: 1;
  /** Where it was taken (password redacted). */
  source: string;
  model: SchemaModel;
}

const FORMAT = "senior-backend/schema-snapshot";

export function snapshotOf(model: SchemaModel, source: string): SchemaSnapshot {
  return { format: FORMAT, version: 1, source, model };
}

export async function writeSnapshot(file: string, snapshot: SchemaSnapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`);
}

export async function readSnapshot(file: string): Promise<SchemaSnapshot> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new UserError(
      `${file}: not a readable JSON snapshot (${(error as Error).message.split("\n")[0]})`,
      {
        cause: error,
      },
    );
  }
  const s = parsed as Partial<SchemaSnapshot>;
  if (s?.format !== FORMAT || !s.model || !Array.isArray(s.model.tables)) {
    throw new UserError(`${file}: not a schema snapshot`, {
      hint: "write one with `senior-backend db --connection URL --snapshot FILE.json`",
    });
  }
  return s as SchemaSnapshot;
}
