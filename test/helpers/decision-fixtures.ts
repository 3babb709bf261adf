import type { Answers, Profile } from "../../src/engine/decision/index.js";

/** The ORIGINAL-USAGE example: a TypeScript team of 8. */
export const TS_TEAM: Answers = {
  teamSize: 8,
  qpsP99: 50,
  readWriteRatio: 20,
  tenancy: "shared-multi-tenant",
  dataSensitivity: "pii",
  pattern: "modular-monolith",
  languagePreference: "typescript",
};

/** A minimal valid profile for tests; override what the test is about. */
export function makeProfile(name: string, patch: Partial<Profile> = {}): Profile {
  return {
    name,
    title: `${name} title`,
    whenToPick: "tests",
    constraints: {},
    stack: [{ layer: "runtime", pick: "something" }],
    antiRecommendations: [],
    successThresholds: {
      latencyMs: { p50: 50, p95: 100, p99: 200 },
      uptimePercent: 99.5,
      rpoMinutes: 60,
      rtoMinutes: 240,
    },
    approvals: [
      {
        change: "production-schema-change",
        title: "Production schema change",
        chain: [
          { role: "dba", title: "DBA" },
          { role: "on-call", title: "On-call engineer" },
        ],
      },
    ],
    canon: [],
    ...patch,
  };
}
