/**
 * `npm run corpus:db -- DIR [--only case,case]`: run every <case>/{a,b}.sql of DIR through the round trip
 * and print a table (case, up, second diff empty, down, time) with N/M totals. Exit 1 when any case fails.
 */
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
const cases = (await corpusCases(dir)).filter((c) => !only || only.has(c.name));
const results: RoundTripResult[] = [];
const pad = (s: string, n: number) => s.padEnd(n);
const width = Math.max(4, ...cases.map((c) => c.name.length));
process.stdout.write(`${pad("case", width)}  up    2nd-diff-empty  down     time     reason\n`);
for (const c of cases) {
  const r = await roundTrip(url, c.name, c.a, c.b);
  results.push(r);
  process.stdout.write(
    `${pad(r.name, width)}  ${pad(r.up, 4)}  ${pad(r.secondDiffEmpty ? "yes" : "no", 14)}  ${pad(r.down, 7)}  ${pad(`${r.ms}ms`, 7)}  ${r.reason ?? ""}\n`,
  );
}
const count = (f: (r: RoundTripResult) => boolean) => results.filter(f).length;
const m = results.length;
process.stdout.write(
  `\nup ${count((r) => r.up === "ok")}/${m}  second diff empty ${count((r) => r.secondDiffEmpty)}/${m}  down ${count((r) => r.down === "ok")}/${m}  all three ${count((r) => r.up === "ok" && r.secondDiffEmpty && r.down === "ok")}/${m}\n`,
);
process.exit(results.every((r) => r.up === "ok" && r.secondDiffEmpty && r.down === "ok") ? 0 : 1);
