import { type Answers, SENSITIVITY_RANK } from "../decision/index.js";
import type { Recommendation } from "./turn-types.js";

/**
 * The recommended answer for each forcing question, from the facts given so far.
 * Each rule names the canon it rests on; references/forcing_questions.md states the same rules.
 */

/** True for phi, pci and other regulated data. */
export function isRegulated(a: Answers): boolean {
  return a.dataSensitivity !== undefined && SENSITIVITY_RANK[a.dataSensitivity] >= 3;
}

export function recommendTenancy(a: Answers): Recommendation {
  if (isRegulated(a)) {
    return {
      answer: "Isolated multi-tenant",
      why: "Regulated data is easier to audit and delete per tenant in its own schema or database (AWS SaaS silo/bridge model).",
      prefill: { tenancy: "isolated-multi-tenant" },
    };
  }
  return {
    answer: "Shared multi-tenant",
    why: "The pool model (tenant_id on every row, row-level security) is the cheapest to run; isolate only the tier that pays for it (AWS SaaS tenant-isolation guidance).",
    prefill: { tenancy: "shared-multi-tenant" },
  };
}

export function recommendInteraction(a: Answers): Recommendation {
  const writeHeavy = a.readWriteRatio !== undefined && a.readWriteRatio < 1;
  const busy = typeof a.qpsP99 === "number" && a.qpsP99 >= 1000;
  if (writeHeavy && busy) {
    return {
      answer: "Async work queue",
      why: "Write-heavy bursts at this rate need a queue to absorb them; a queue makes waiting visible and bounded (Reinertsen). Keep reads synchronous.",
      prefill: { interactionStyle: "async-queue" },
    };
  }
  return {
    answer: "Synchronous request/response",
    why: "Sync by default, a queue for the named slow or bursty flows, events only where a second team must react (Reinertsen on queues; Fowler on event-driven pitfalls).",
    prefill: { interactionStyle: "sync" },
  };
}

export function recommendSensitivity(a: Answers): Recommendation {
  return {
    answer: "The highest tier any stored field reaches; when unsure, the higher tier",
    why:
      a.tenancy && a.tenancy !== "single-tenant"
        ? "A multi-tenant SaaS stores customer names and emails at least, which is PII (GDPR Art. 5); health data is PHI (HIPAA), card data is PCI."
        : "Classify by the most sensitive field, not the typical one (NIST SP 800-53, GDPR Art. 25 data protection by design).",
    prefill: { dataSensitivity: "pii" },
  };
}

export function recommendArchitecture(a: Answers): Recommendation {
  if (a.teamSize !== undefined && a.teamSize >= 30 && a.platformTeam === true) {
    return {
      answer: "Domain-bounded services",
      why: "With 30+ engineers and a platform team, a few services along bounded contexts let teams deploy independently (Newman; Team Topologies).",
      prefill: { pattern: "domain-bounded-services" },
    };
  }
  return {
    answer: "Modular monolith",
    why: "Start with a monolith whose modules have enforced boundaries; extract a service only when a bounded context needs it (Fowler, MonolithFirst; Newman ch. 1).",
    prefill: { pattern: "modular-monolith" },
  };
}

export function recommendRecovery(a: Answers): Recommendation {
  if (isRegulated(a)) {
    return {
      answer: "RPO 5 min, RTO 30 min",
      why: "Regulated data needs point-in-time recovery and a tested failover (SRE Workbook; ISO 22301 business-impact analysis).",
      prefill: { rpoMinutes: "5", rtoMinutes: "30" },
    };
  }
  if (typeof a.qpsP99 === "number" && a.qpsP99 >= 1000) {
    return {
      answer: "RPO 15 min, RTO 60 min",
      why: "At this load an hour of lost writes is a large incident; continuous WAL archiving and a warm replica meet it (SRE Workbook).",
      prefill: { rpoMinutes: "15", rtoMinutes: "60" },
    };
  }
  return {
    answer: "RPO 60 min, RTO 120 min",
    why: "Hourly point-in-time backups and a rehearsed restore are the floor for a customer-facing database; a 2-hour restore fits inside the 3.6-hour monthly error budget of a 99.5% SLO (SRE Workbook; ISO 22301).",
    prefill: { rpoMinutes: "60", rtoMinutes: "120" },
  };
}

export function recommendSlo(a: Answers): Recommendation {
  const strict = (a.rtoMinutes ?? Number.POSITIVE_INFINITY) <= 30;
  const target = strict ? "99.9" : "99.5";
  return {
    answer: `${target}% of requests succeed, p99 under 500 ms, over 28 days`,
    why: strict
      ? "An RTO of 30 minutes or less only fits a 99.9% budget (43 min/month); measure at the load balancer (SRE Workbook ch. 2)."
      : "99.5% leaves 3.6 hours of error budget a month, room to ship; pick an SLI users feel (Beyer et al., ch. 4).",
    prefill: { sloTarget: target, sloLatencyMs: "500" },
  };
}
