import { type Answers, SENSITIVITY_RANK } from "./answers.js";

/**
 * Kill criteria: facts that stop the grill and fail `decide --strict`.
 * Each is checked only once the facts it needs are known, so the grill can call this after every answer.
 */
export interface KillCriterion {
  id: string;
  /** The forcing question (1–7) the criterion belongs to. */
  question: number;
  title: string;
  reason: string;
  remedy: string;
  tripped(answers: Answers): boolean;
}

export interface TrippedKill {
  id: string;
  question: number;
  title: string;
  reason: string;
  remedy: string;
}

const regulated = (a: Answers) =>
  a.dataSensitivity !== undefined && SENSITIVITY_RANK[a.dataSensitivity] >= 3;
const blank = (s: string | undefined) => s === undefined || s.trim() === "";

export const KILL_CRITERIA: KillCriterion[] = [
  {
    id: "no-qps-number",
    question: 1,
    title: "No QPS number",
    reason:
      'Without a p99 QPS estimate ("we\'ll need to scale") no capacity, stack or cost decision can be checked.',
    remedy:
      "Estimate one-year p99 QPS from the traffic you know (users × requests per user per peak second) and write the number down.",
    tripped: (a) => a.qpsP99 === null,
  },
  {
    id: "single-tenant-without-enterprise-pricing",
    question: 2,
    title: "Single-tenant for everyone without enterprise pricing",
    reason:
      "An instance per customer multiplies infrastructure and operations cost; without enterprise pricing nobody pays for it.",
    remedy:
      "Use shared multi-tenant with tenant_id on every row (and row-level security), or isolated multi-tenant only for the tier that pays for isolation.",
    tripped: (a) => a.tenancy === "single-tenant" && a.enterprisePricing === false,
  },
  {
    id: "event-driven-small-team",
    question: 3,
    title: "Event-driven everywhere with a team under 20",
    reason:
      "Event-driven by default spreads one flow over producers, brokers and consumers; a team under 20 cannot debug, replay and version all of it.",
    remedy:
      "Default to synchronous request/response; use an async queue for the named slow or bursty flows, and events only where a second team must react.",
    tripped: (a) =>
      a.interactionStyle === "event-driven" && a.teamSize !== undefined && a.teamSize < 20,
  },
  {
    id: "regulated-without-owner-or-encryption",
    question: 4,
    title: "PHI or PCI with no named compliance owner and no encryption-at-rest plan",
    reason:
      "Regulated data without an accountable owner and encryption at rest fails HIPAA §164.312 / PCI-DSS v4.0 req. 3 before the first audit.",
    remedy:
      "Name the compliance owner and write the encryption-at-rest plan (KMS-managed keys, encrypted volumes and backups) before any regulated data lands.",
    tripped: (a) =>
      regulated(a) &&
      ((a.complianceOwner !== undefined && blank(a.complianceOwner)) ||
        a.encryptionAtRestPlan === false),
  },
  {
    id: "microservices-without-prerequisites",
    question: 5,
    title: "Microservices without team ≥ 30, independent bounded contexts and a platform team",
    reason:
      "Microservices pay off only when many teams must deploy independently; without all three prerequisites you get a distributed monolith.",
    remedy:
      "Start with a modular monolith with enforced module boundaries; extract a service when a bounded context needs independent scaling or deployment.",
    tripped: (a) =>
      a.pattern === "microservices" &&
      ((a.teamSize !== undefined && a.teamSize < 30) ||
        a.independentBoundedContexts === false ||
        a.platformTeam === false),
  },
  {
    id: "domain-bounded-services-without-platform-team",
    question: 5,
    title:
      "Domain-bounded services with a team under 30 and no platform team, or without independent bounded contexts",
    reason:
      "Fowler's MonolithFirst holds for a few domain services as for microservices: each service brings its own deploys, data, on-call and contracts; without a platform team a small team builds that plumbing instead of the product, and services that share data or release together are a distributed monolith.",
    remedy:
      "Start with a modular monolith whose modules follow the domain boundaries; extract a service when a platform team exists and a bounded context owns its data and needs independent scaling or deployment.",
    tripped: (a) =>
      a.pattern === "domain-bounded-services" &&
      ((a.teamSize !== undefined && a.teamSize < 30 && a.platformTeam === false) ||
        a.independentBoundedContexts === false),
  },
  {
    id: "no-rpo-rto",
    question: 6,
    title: "A customer-facing production database with no RPO/RTO",
    reason:
      "Without RPO and RTO nobody can choose backups, replication or failover, and nobody knows what a restore must achieve.",
    remedy:
      "Agree RPO and RTO in minutes with the business owner (per surface where they differ) and test a restore against them.",
    tripped: (a) => a.customerFacing !== false && (a.rpoMinutes === null || a.rtoMinutes === null),
  },
  {
    id: "ha-without-slo-or-owner",
    question: 7,
    title: '"High availability" with no SLO number or no named owner',
    reason:
      "Availability without a number cannot be measured, and an error budget without an owner is never spent or defended.",
    remedy:
      "Write the SLO on a measurable SLI (e.g. 99.9% of requests under 300 ms over 28 days) and name the person who owns the error budget.",
    tripped: (a) =>
      a.sloTarget === null || (a.errorBudgetOwner !== undefined && blank(a.errorBudgetOwner)),
  },
];

/** The kill criteria the answers trip, in question order. */
export function evaluateKillCriteria(answers: Answers): TrippedKill[] {
  return KILL_CRITERIA.filter((k) => k.tripped(answers)).map(({ tripped: _t, ...rest }) => rest);
}
