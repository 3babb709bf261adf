import { type AnalyzeCheck, type Finding, guideLink, qualified } from "./finding.js";
import { formatBytes, type IndexInfo, readIndexes } from "./index-catalog.js";

/**
 * Duplicate indexes (same table, method, keys, opclasses, predicate, expressions) and redundant ones
 * whose keys are a leading prefix of another index's keys. Each costs writes, memory and vacuum time
 * without making any read faster. Indexes backing a constraint are kept and the other one is flagged.
 */
export const redundantIndexCheck: AnalyzeCheck = {
  id: "redundant-index",
  title: "Duplicate and redundant (prefix-covered) indexes",
  async run(ctx) {
    const indexes = (await readIndexes(ctx)).filter((i) => i.valid);
    const findings: Finding[] = [];
    const flagged = new Set<string>();
    const byTable = new Map<string, IndexInfo[]>();
    for (const i of indexes) {
      const key = `${i.schema}.${i.table}`;
      byTable.set(key, [...(byTable.get(key) ?? []), i]);
    }
    // Duplicates first: an index that is both a duplicate and a prefix of a longer one is a duplicate.
    for (const pass of ["duplicate", "prefix"] as const) {
      for (const group of byTable.values()) {
        for (const a of group) {
          for (const b of group) {
            if (a === b || flagged.has(a.name)) continue;
            const relation = compare(a, b);
            if (relation !== pass) continue;
            // Of two duplicates flag one: keep a constraint's index, then a unique one, then the first by name.
            if (relation === "duplicate" && keepRank(a) < keepRank(b)) continue;
            if (relation === "duplicate" && keepRank(a) === keepRank(b) && a.name < b.name)
              continue;
            if (a.constraint || flagged.has(b.name)) continue;
            // A unique index enforces something a longer index does not.
            if (relation === "prefix" && a.unique) continue;
            flagged.add(a.name);
            const target = qualified(a.schema, a.name);
            findings.push({
              check: this.id,
              severity: relation === "duplicate" ? "warning" : "info",
              object: `index ${a.schema}.${a.name} on ${a.table}`,
              title:
                relation === "duplicate"
                  ? `duplicate of ${b.name} (${formatBytes(a.sizeBytes)})`
                  : `redundant: its keys (${keys(a)}) are a prefix of ${b.name} (${keys(b)})`,
              why:
                relation === "duplicate"
                  ? "two identical indexes double the write cost and memory for no read benefit"
                  : "the longer index serves the same lookups; the shorter one only adds write cost (keep it only if its smaller size measurably matters)",
              fix: `DROP INDEX CONCURRENTLY IF EXISTS ${target};`,
              guide: guideLink("duplicate-and-redundant-indexes"),
            });
          }
        }
      }
    }
    return findings;
  },
};

function keepRank(i: IndexInfo): number {
  if (i.constraint) return 0;
  return i.unique ? 1 : 2;
}

function keys(i: IndexInfo): string {
  return i.columns.map((c) => c ?? "(expression)").join(", ");
}

/** "duplicate" when a and b index the same thing; "prefix" when a's keys lead b's keys. */
function compare(a: IndexInfo, b: IndexInfo): "duplicate" | "prefix" | undefined {
  if (a.method !== b.method || a.predicate !== b.predicate || a.expressions !== b.expressions) {
    return undefined;
  }
  const aKeys = a.columns.slice(0, a.keyCount);
  const bKeys = b.columns.slice(0, b.keyCount);
  if (aKeys.some((c) => c === null) || bKeys.some((c) => c === null)) {
    return aKeys.join() === bKeys.join() && a.keySignature === b.keySignature
      ? "duplicate"
      : undefined;
  }
  if (aKeys.join() === bKeys.join() && a.keySignature === b.keySignature) return "duplicate";
  if (a.method !== "btree" || aKeys.length >= bKeys.length) return undefined;
  if (!aKeys.every((c, idx) => c === bKeys[idx])) return undefined;
  // Opclasses / options of the shared prefix must match too.
  const [aClass, , aOpt] = a.keySignature.split("/");
  const [bClass, , bOpt] = b.keySignature.split("/");
  const prefixOf = (s: string, n: number) => s.split(" ").slice(0, n).join(" ");
  if (prefixOf(aClass, aKeys.length) !== prefixOf(bClass, aKeys.length)) return undefined;
  if (prefixOf(aOpt ?? "", aKeys.length) !== prefixOf(bOpt ?? "", aKeys.length)) return undefined;
  return "prefix";
}
