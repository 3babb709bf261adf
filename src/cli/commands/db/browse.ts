import { isInteractive } from "../../output.js";
import { startTui } from "../../start-tui.js";

/**
 * `db` in a terminal with no mode, or with only `--from A --to B`: open the schema-diff browser.
 * Without a terminal (or with --json) the other handlers answer: the text/JSON report, or a usage error.
 */
export interface DbBrowseFlags {
  from?: string;
  to?: string;
  output?: string;
  rename?: string[];
  schema?: string[];
  excludeSchema?: string[];
  json?: boolean;
  connection?: string;
  compare?: string;
  migrate?: string;
  analyze?: boolean;
  suggestIndexes?: boolean;
  snapshot?: string;
}

export function wantsBrowser(opts: DbBrowseFlags): boolean {
  if (!isInteractive() || opts.json) return false;
  if (opts.migrate || opts.analyze || opts.suggestIndexes || opts.snapshot || opts.compare) {
    return false;
  }
  const bothSides = Boolean(opts.from && opts.to);
  const noSources = !opts.from && !opts.to && !opts.connection;
  return bothSides || noSources;
}

export async function runBrowseMode(opts: DbBrowseFlags): Promise<number> {
  return startTui({
    screen: "schema-diff",
    params: {
      from: opts.from,
      to: opts.to,
      output: opts.output,
      renames: opts.rename,
      schemas: opts.schema,
      excludeSchemas: opts.excludeSchema,
    },
  });
}
