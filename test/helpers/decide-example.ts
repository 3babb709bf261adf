/** The documented decision-engine command line from the old tool (ORIGINAL-USAGE.md), as argv. */
export const DECIDE_EXAMPLE = [
  "decide",
  "--team-size",
  "8",
  "--qps-p99",
  "50",
  "--read-write-ratio",
  "20",
  "--tenancy",
  "shared-multi-tenant",
  "--data-sensitivity",
  "pii",
  "--pattern",
  "modular-monolith",
  "--language-preference",
  "typescript",
];
