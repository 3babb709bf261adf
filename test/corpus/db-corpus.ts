/**
 * `npm run corpus:db -- DIR [--only case,case] [--create-roles [extra,extra]]`: with --create-roles the cluster-wide
 * roles the cases name (their case.json, plus any extra names given) are made first and dropped at the end.
 * `npm run corpus:db -- DIR [--only case,case]`: run every <case>/{a,b}.sql of DIR through the round trip
 * (two at a time, `--jobs N`) and print a table (case, up, second diff empty, down, time) with N/M totals. Exit 1 when any case fails.
 */

import { dropRoles, makeRoles } from "./db-corpus-roles.js";
import { corpusCases, type RoundTripResult, roundTrip } from "./db-round-trip.js";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--"));
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? "").split(",")) : undefined;
if (!dir) {
  process.stderr.write(
    "error: no corpus folder given\nhint: npm run corpus:db -- ../shared/corpora/migra\n",
  );
  process.exit(2);
}
const url =
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const jobsAt = args.indexOf("--jobs");
const jobs = Math.max(1, Math.min(8, Number(jobsAt >= 0 ? args[jobsAt + 1] : 2) || 2));
const rolesAt = args.indexOf("--create-roles");
const extraRoles =
  rolesAt >= 0 && args[rolesAt + 1] && !args[rolesAt + 1]?.startsWith("--")
    ? (args[rolesAt + 1] ?? "").split(",").map((r) => `"${r.replaceAll('"', '""')}"`)
    : [];
const cases = (await corpusCases(dir, { rolesMade: rolesAt >= 0 })).filter(
  (c) => !only || only.has(c.name),
);
const roles = rolesAt >= 0 ? [...new Set([...extraRoles, ...cases.flatMap((c) => c.roles)])] : [];
const made = roles.length ? await makeRoles(url, roles) : [];
const results: RoundTripResult[] = [];
const pad = (s: string, n: number) => s.padEnd(n);
const width = Math.max(4, ...cases.map((c) => c.name.length));
process.stdout.write(`${pad("case", width)}  up    2nd-diff-empty  down     time     reason\n`);
const print = (r: RoundTripResult) =>
  process.stdout.write(
    `${pad(r.name, width)}  ${pad(r.up, 4)}  ${pad(r.up === "n/a" ? "-" : r.secondDiffEmpty ? "yes" : "no", 14)}  ${pad(r.down, 7)}  ${pad(`${r.ms}ms`, 7)}  ${r.reason ?? ""}\n`,
  );
for (let i = 0; i < cases.length; i += jobs) {
  const batch = await Promise.all(
    cases.slice(i, i + jobs).map((c) =>
      c.notApplicable
        ? Promise.resolve<RoundTripResult>({
            name: c.name,
            up: "n/a",
            secondDiffEmpty: false,
            down: "skipped",
            ms: 0,
            reason: c.notApplicable,
          })
        : roundTrip(url, c.name, c.a, c.b),
    ),
  );
  for (const r of batch) {
    results.push(r);
    print(r);
  }
}
await dropRoles(url, made);
const applicable = results.filter((r) => r.up !== "n/a");
const count = (f: (r: RoundTripResult) => boolean) => applicable.filter(f).length;
const m = applicable.length;
process.stdout.write(
  `\n${results.length - m} of ${results.length} cases not applicable (see reasons); of the other ${m}:\nup ${count((r) => r.up === "ok")}/${m}  second diff empty ${count((r) => r.secondDiffEmpty)}/${m}  down ${count((r) => r.down === "ok")}/${m}  all three ${count((r) => r.up === "ok" && r.secondDiffEmpty && r.down === "ok")}/${m}\n`,
);
process.exit(
  applicable.every((r) => r.up === "ok" && r.secondDiffEmpty && r.down === "ok") ? 0 : 1,
);
