import { type Answers, SENSITIVITY_RANK } from "./answers.js";
import type { Profile } from "./profile.js";

/** A concern to take up once the profile is chosen; references/composition_map.md describes each. */
export interface NextConcern {
  id: string;
  title: string;
  /** Why it follows from this decision. */
  why: string;
  /** Which tool or reference covers it. */
  covers: string;
  source: "composition-map" | "profile";
}

interface MapEntry {
  id: string;
  title: string;
  applies: (a: Answers) => boolean;
  why: (a: Answers, p: Profile) => string;
  covers: string;
}

const regulated = (a: Answers) =>
  a.dataSensitivity !== undefined && SENSITIVITY_RANK[a.dataSensitivity] >= 3;

/** The composition map as data; the markdown file is written to agree (a test checks the ids). */
export const COMPOSITION_MAP: MapEntry[] = [
  {
    id: "api-contract-review",
    title: "API contract review",
    applies: () => true,
    why: () =>
      "The contract outlives the first implementation: agree resources, errors, pagination and versioning before handlers exist.",
    covers:
      "senior-backend scaffold (OpenAPI → routes, validation, types; --generate-spec for the reverse)",
  },
  {
    id: "schema-design",
    title: "Schema design",
    applies: () => true,
    why: (a) =>
      a.tenancy === "shared-multi-tenant"
        ? "Shared multi-tenant: tenant_id on every tenant-owned table, in every index that serves tenant queries, and row-level security."
        : `Keys, constraints and indexes for a ${a.readWriteRatio ?? "?"}:1 read/write workload, checked before data arrives.`,
    covers:
      "senior-backend db --connection URL --analyze (missing indexes, N+1 risks) and references/database_optimization_guide.md",
  },
  {
    id: "zero-downtime-migration",
    title: "Zero-downtime migration",
    applies: () => true,
    why: () =>
      "Every later schema change must run while the old code serves traffic (expand, migrate, contract) and needs the production-schema-change approvers.",
    covers:
      "senior-backend db --compare schema.sql --output migrations/ and db --migrate FILE --dry-run",
  },
  {
    id: "slo-observability",
    title: "SLO and observability",
    applies: () => true,
    why: (_a, p) =>
      `Measure the SLO floor from the first deploy: traces and RED metrics per endpoint, and a load test against ${p.name}'s latency thresholds.`,
    covers: `senior-backend load URL --slo PROFILE (latency gates from the profile's success thresholds)`,
  },
  {
    id: "security-review",
    title: "Security review",
    applies: () => true,
    why: (a) =>
      a.dataSensitivity === "pii"
        ? "PII: access control per tenant and role, encryption in transit and at rest, and GDPR Art. 32 measures, checked against the running API."
        : "Authentication, authorisation, headers, CORS and rate limits, checked against the running API.",
    covers: "senior-backend audit URL and references/backend_security_practices.md",
  },
  {
    id: "compliance",
    title: "Compliance",
    applies: regulated,
    why: (a) =>
      `${a.dataSensitivity?.toUpperCase()} data: the named compliance owner signs off controls, audit logging, key management and retention before regulated data lands.`,
    covers:
      "the compliance owner, with HIPAA 45 CFR 164 / PCI-DSS v4.0 / NIST 800-53 as applicable",
  },
];

/** The general concerns that apply to these answers, then the chosen profile's own. */
export function nextConcerns(answers: Answers, profile: Profile): NextConcern[] {
  const general = COMPOSITION_MAP.filter((e) => e.applies(answers)).map(
    (e): NextConcern => ({
      id: e.id,
      title: e.title,
      why: e.why(answers, profile),
      covers: e.covers,
      source: "composition-map",
    }),
  );
  const own = (profile.nextConcerns ?? []).map(
    (c): NextConcern => ({
      id: c.id,
      title: c.title,
      why: c.why,
      covers: c.covers ?? "see the profile",
      source: "profile",
    }),
  );
  return [...general, ...own];
}
