/** The scaffold corpus table: one row per spec × framework, totals per folder, failures with their reason. */
export interface Row {
  id: string;
  spec: string;
  framework: string;
  operations: number;
  warnings: number;
  generated: boolean;
  typechecked?: boolean;
  booted?: boolean;
  answered?: number;
  requests?: number;
  notFound?: boolean;
  ms: number;
  rssMb: number;
  reason?: string;
}

const mark = (value: boolean | undefined) => (value === undefined ? "-" : value ? "yes" : "NO");

/** A row passes when every stage that ran passed and every operation answered. */
export function passed(r: Row, stages: { typecheck: boolean; boot: boolean }): boolean {
  if (!r.generated) return false;
  if (stages.typecheck && !r.typechecked) return false;
  if (stages.boot && (!r.booted || r.answered !== r.requests || !r.notFound)) return false;
  return true;
}

export function printTable(
  rows: Row[],
  options: { quiet: boolean; typecheck: boolean; boot: boolean; seconds: number },
): void {
  const out: string[] = [];
  const header = `${"spec".padEnd(58)} ${"framework".padEnd(8)} ${"ops".padStart(5)} gen  tsc  boot answered   404  ${"time s".padStart(7)} ${"MB".padStart(5)}`;
  if (!options.quiet) {
    out.push(header);
    for (const r of rows) {
      const answered = r.booted ? `${r.answered}/${r.requests}` : "-";
      out.push(
        `${r.spec.slice(-58).padEnd(58)} ${r.framework.padEnd(8)} ${String(r.operations).padStart(5)} ${mark(r.generated).padEnd(4)} ${mark(r.typechecked).padEnd(4)} ${mark(r.booted).padEnd(4)} ${answered.padStart(8)}  ${mark(r.notFound).padEnd(4)} ${(r.ms / 1000).toFixed(2).padStart(7)} ${r.rssMb.toFixed(0).padStart(5)}`,
      );
    }
    out.push("");
  }
  const folders = new Map<string, Row[]>();
  for (const r of rows) {
    const folder = r.spec.includes("/")
      ? r.spec
          .split("/")
          .slice(0, r.spec.split("/").length > 2 ? 2 : 1)
          .join("/")
      : ".";
    folders.set(folder, [...(folders.get(folder) ?? []), r]);
  }
  out.push(
    `${"folder".padEnd(30)} ${"framework".padEnd(8)} ${"runs".padStart(5)} ${"gen".padStart(5)} ${"tsc".padStart(5)} ${"boot".padStart(5)} ${"all ops".padStart(8)} ${"pass".padStart(5)}`,
  );
  for (const [folder, list] of [...folders.entries(), ["TOTAL", rows] as [string, Row[]]]) {
    for (const fw of [...new Set(list.map((r) => r.framework))]) {
      const l = list.filter((r) => r.framework === fw);
      const count = (f: (r: Row) => boolean) => String(l.filter(f).length).padStart(5);
      out.push(
        `${folder.padEnd(30)} ${fw.padEnd(8)} ${String(l.length).padStart(5)} ${count((r) => r.generated)} ${count((r) => r.typechecked === true)} ${count((r) => r.booted === true)} ${count((r) => r.booted === true && r.answered === r.requests && r.notFound === true).padStart(8)} ${count((r) => passed(r, options))}`,
      );
    }
  }
  const failures = rows.filter((r) => !passed(r, options));
  if (failures.length > 0) {
    out.push("", "failures (spec × framework: reason)");
    for (const r of failures)
      out.push(`  ${r.spec} × ${r.framework}: ${r.reason ?? "not every operation answered"}`);
  }
  const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
  const biggest = [...rows].sort((a, b) => b.rssMb - a.rssMb)[0];
  out.push(
    "",
    `${rows.length} runs in ${options.seconds.toFixed(0)} s; slowest generate ${slowest ? `${(slowest.ms / 1000).toFixed(2)} s (${slowest.spec} × ${slowest.framework})` : "-"}; peak memory ${biggest ? `${biggest.rssMb.toFixed(0)} MB (${biggest.spec})` : "-"}`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}
