/**
 * Run `decide` over every language × pattern × data-sensitivity combination (team of 8, 50 p99 QPS,
 * 20:1 reads, shared multi-tenant unless told otherwise) and print one line per case:
 * status, best (or tied / closest), and the first line of the summary.
 * Usage: npx tsx scripts/decide-matrix.ts [--team-size N] [--platform-team yes|no] [--needs-admin-panel yes|no]
 */
import {
  type Answers,
  DATA_SENSITIVITIES,
  decide,
  LANGUAGES,
  loadProfiles,
  PATTERNS,
} from "../src/engine/decision/index.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const yesNo = (v: string | undefined) => (v === undefined ? undefined : v === "yes");
const base: Answers = {
  teamSize: Number(flag("--team-size") ?? 8),
  qpsP99: Number(flag("--qps-p99") ?? 50),
  readWriteRatio: 20,
  tenancy: (flag("--tenancy") as Answers["tenancy"]) ?? "shared-multi-tenant",
  platformTeam: yesNo(flag("--platform-team")),
  needsAdminPanel: yesNo(flag("--needs-admin-panel")),
};
const loaded = await loadProfiles();
const counts: Record<string, number> = {};
for (const languagePreference of LANGUAGES)
  for (const pattern of PATTERNS)
    for (const dataSensitivity of DATA_SENSITIVITIES) {
      const d = decide(
        { ...base, languagePreference, pattern, dataSensitivity },
        { profiles: loaded },
      );
      counts[d.status] = (counts[d.status] ?? 0) + 1;
      const who =
        d.status === "recommended"
          ? d.best?.score.profile
          : d.status === "tie"
            ? d.tied.join("+")
            : d.status === "no-fit"
              ? `closest ${d.closest[0]?.profile}`
              : d.kills.map((k) => k.id).join(",");
      console.log(
        [languagePreference, pattern, dataSensitivity, d.status, who, d.summary].join(" | "),
      );
    }
console.log(JSON.stringify(counts));
