import type { IndexInfo } from "../model.js";
import { qualified } from "../model.js";
import { concurrently } from "../plan/ddl.js";
import { type Draft, hazard, PHASE, step } from "./change-builder.js";

/** pg_get_indexdef() of an index on a partitioned table reads `… ON ONLY schema.table …`. */
export function isPartitionedIndex(i: IndexInfo): boolean {
  return / ON ONLY /.test(i.definition);
}

/**
 * An index on a partitioned table, the PostgreSQL way: the parent index ON ONLY (invalid until every partition
 * has its index), each partition's index (CONCURRENTLY when the partition already holds rows), then ATTACH
 * PARTITION, which makes the parent valid. Partition index names are kept as they are on the target.
 */
export function createPartitionedIndex(
  d: Draft,
  schema: string,
  i: IndexInfo,
  concurrent: boolean,
  phase: number,
): void {
  step(d, phase, i.definition, [hazard("index-build", `creates ${i.name} on the parent only`)]);
  const parent = qualified(schema, i.name);
  for (const child of i.attached ?? []) {
    const childName = qualified(child.schema, child.name);
    if (concurrent) {
      step(d, PHASE.createIndexConcurrently, concurrently(child.definition), [
        hazard(
          "index-build",
          `builds ${child.name} on ${child.table} without blocking writes; a failed build leaves an INVALID index to drop`,
        ),
      ]);
      step(d, PHASE.createIndexConcurrently, `ALTER INDEX ${parent} ATTACH PARTITION ${childName}`);
    } else {
      step(d, phase, child.definition, [hazard("index-build", `builds ${child.name}`)]);
      step(d, phase, `ALTER INDEX ${parent} ATTACH PARTITION ${childName}`);
    }
  }
}
