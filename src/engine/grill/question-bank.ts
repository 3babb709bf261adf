import {
  recommendArchitecture,
  recommendInteraction,
  recommendRecovery,
  recommendSensitivity,
  recommendSlo,
  recommendTenancy,
} from "./recommendations.js";
import type { TurnDef } from "./turn-types.js";

/** Phrases that stand for "no number" where a kill criterion needs one. */
const NO_QPS = [
  "we'll need to scale",
  "we will need to scale",
  "we need to scale",
  "unknown",
  "tbd",
];
const NO_RECOVERY = ["unknown", "tbd", "none", "as fast as possible"];
const NO_SLO = ["high availability", "ha", "always up", "unknown", "tbd"];

export const CANON = {
  q1: ["Kleppmann, Designing Data-Intensive Applications, ch. 1 (describing load)"],
  q2: ["AWS SaaS Tenant Isolation Strategies (silo, pool and bridge models)"],
  q3: [
    "Reinertsen, The Principles of Product Development Flow (queues)",
    "Fowler, What do you mean by “Event-Driven”?",
  ],
  q4: [
    "HIPAA 45 CFR 164 (Security Rule)",
    "PCI-DSS v4.0",
    "GDPR Art. 5, 25 and 32",
    "NIST SP 800-53",
  ],
  q5: [
    "Newman, Building Microservices, 2nd ed.",
    "Fowler, MonolithFirst",
    "Skelton & Pais, Team Topologies",
  ],
  q6: ["Google, The Site Reliability Engineering Workbook", "ISO 22301 (business continuity)"],
  q7: [
    "Beyer et al., Site Reliability Engineering, ch. 4 (Service Level Objectives)",
    "The Site Reliability Engineering Workbook, ch. 2–5 (SLOs, error budgets)",
  ],
} as const;

/** The seven forcing questions, in the order they are asked. */
export const FORCING_QUESTIONS: TurnDef[] = [
  {
    id: "load",
    question: 1,
    followUp: false,
    title: "Load",
    text: "What is the read/write ratio, and the p99 queries per second you expect one year from now?",
    kind: "numbers",
    fields: [
      {
        key: "readWriteRatio",
        kind: "number",
        label: "Reads per write (20 means 20:1)",
        min: 0.001,
        max: 1_000_000,
      },
      {
        key: "qpsP99",
        kind: "number",
        label: "One-year p99 QPS",
        min: 0.001,
        max: 100_000_000,
        unit: "req/s",
        noNumber: {
          phrases: NO_QPS,
          hint: 'leave it blank or type "we\'ll need to scale" if you have no number (that stops the grill)',
        },
      },
    ],
    canon: [...CANON.q1],
    killCriteria: ["no-qps-number"],
    recommend: () => ({
      answer: "Two numbers, even rough ones: reads per write and the one-year p99 QPS",
      why: "Load is described by numbers (Kleppmann, DDIA ch. 1); estimate peak users × requests per user per second. “We'll need to scale” is not a number and stops the grill.",
    }),
  },
  {
    id: "tenancy",
    question: 2,
    followUp: false,
    title: "Tenancy",
    text: "How are customers separated: one deployment per customer, one shared deployment, or shared with isolated data?",
    kind: "choice",
    fields: [
      {
        key: "tenancy",
        kind: "choice",
        label: "Tenancy",
        default: "shared-multi-tenant",
        options: [
          { value: "single-tenant", label: "Single-tenant (an instance per customer)" },
          { value: "shared-multi-tenant", label: "Shared multi-tenant (tenant_id on every row)" },
          {
            value: "isolated-multi-tenant",
            label: "Isolated multi-tenant (schema or database per tenant)",
          },
        ],
      },
    ],
    canon: [...CANON.q2],
    killCriteria: ["single-tenant-without-enterprise-pricing"],
    recommend: recommendTenancy,
  },
  {
    id: "interaction",
    question: 3,
    followUp: false,
    title: "Interaction style",
    text: "What is the default interaction style between components (exceptions come next)?",
    kind: "choice",
    fields: [
      {
        key: "interactionStyle",
        kind: "choice",
        label: "Default style",
        default: "sync",
        options: [
          { value: "sync", label: "Synchronous request/response" },
          { value: "async-queue", label: "Async work queue" },
          { value: "event-driven", label: "Event-driven (publish/subscribe everywhere)" },
        ],
      },
    ],
    canon: [...CANON.q3],
    killCriteria: ["event-driven-small-team"],
    recommend: recommendInteraction,
  },
  {
    id: "sensitivity",
    question: 4,
    followUp: false,
    title: "Data sensitivity",
    text: "What is the highest data-sensitivity tier the service will store?",
    kind: "choice",
    fields: [
      {
        key: "dataSensitivity",
        kind: "choice",
        label: "Highest tier",
        default: "pii",
        options: [
          { value: "public", label: "Public" },
          { value: "internal", label: "Internal" },
          { value: "pii", label: "PII (personal data)" },
          { value: "phi", label: "PHI (health data, HIPAA)" },
          { value: "pci", label: "PCI (cardholder data)" },
          { value: "regulated", label: "Other regulated data" },
        ],
      },
    ],
    canon: [...CANON.q4],
    killCriteria: ["regulated-without-owner-or-encryption"],
    recommend: recommendSensitivity,
  },
  {
    id: "architecture",
    question: 5,
    followUp: false,
    title: "Architecture",
    text: "Monolith, modular monolith or services: which shape do you start with?",
    kind: "choice",
    fields: [
      {
        key: "pattern",
        kind: "choice",
        label: "Shape",
        default: "modular-monolith",
        options: [
          { value: "monolith", label: "Monolith" },
          { value: "modular-monolith", label: "Modular monolith (enforced module boundaries)" },
          { value: "domain-bounded-services", label: "A few domain-bounded services" },
          { value: "microservices", label: "Microservices" },
          { value: "serverless", label: "Serverless functions" },
        ],
      },
    ],
    canon: [...CANON.q5],
    killCriteria: [
      "microservices-without-prerequisites",
      "domain-bounded-services-without-platform-team",
    ],
    recommend: recommendArchitecture,
  },
  {
    id: "recovery",
    question: 6,
    followUp: false,
    title: "Recovery",
    text: "What are the RPO (data you may lose) and RTO (time to restore), in minutes?",
    kind: "numbers",
    fields: [
      {
        key: "rpoMinutes",
        kind: "number",
        label: "RPO (minutes of data you may lose)",
        min: 0,
        max: 525_600,
        unit: "min",
        noNumber: { phrases: NO_RECOVERY, hint: "leave it blank if nobody has agreed one" },
      },
      {
        key: "rtoMinutes",
        kind: "number",
        label: "RTO (minutes to restore service)",
        min: 0,
        max: 525_600,
        unit: "min",
        noNumber: { phrases: NO_RECOVERY, hint: "leave it blank if nobody has agreed one" },
      },
    ],
    canon: [...CANON.q6],
    killCriteria: ["no-rpo-rto"],
    recommend: recommendRecovery,
  },
  {
    id: "slo",
    question: 7,
    followUp: false,
    title: "SLO",
    text: "What is the SLO: the availability target in percent, and the p99 latency threshold of the SLI?",
    kind: "numbers",
    fields: [
      {
        key: "sloTarget",
        kind: "number",
        label: "Availability target (%)",
        min: 50,
        max: 99.9999,
        unit: "%",
        noNumber: {
          phrases: NO_SLO,
          hint: 'leave it blank or type "high availability" if there is no number (that stops the grill)',
        },
      },
      {
        key: "sloLatencyMs",
        kind: "number",
        label: "p99 latency threshold (ms, optional)",
        min: 1,
        max: 600_000,
        unit: "ms",
        optional: true,
      },
    ],
    canon: [...CANON.q7],
    killCriteria: ["ha-without-slo-or-owner"],
    recommend: recommendSlo,
  },
];
