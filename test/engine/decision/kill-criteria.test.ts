import { describe, expect, it } from "vitest";
import {
  type Answers,
  evaluateKillCriteria,
  KILL_CRITERIA,
} from "../../../src/engine/decision/index.js";
import { TS_TEAM } from "../../helpers/decision-fixtures.js";

const tripped = (a: Answers) => evaluateKillCriteria(a).map((k) => k.id);

/** For each criterion: answers that trip it and close answers that do not. */
const CASES: Record<string, { trips: Answers[]; passes: Answers[] }> = {
  "no-qps-number": {
    trips: [{ ...TS_TEAM, qpsP99: null }],
    passes: [TS_TEAM, { ...TS_TEAM, qpsP99: 0 }, { ...TS_TEAM, qpsP99: undefined }],
  },
  "single-tenant-without-enterprise-pricing": {
    trips: [{ ...TS_TEAM, tenancy: "single-tenant", enterprisePricing: false }],
    passes: [
      { ...TS_TEAM, tenancy: "single-tenant", enterprisePricing: true },
      { ...TS_TEAM, tenancy: "single-tenant" },
      { ...TS_TEAM, tenancy: "isolated-multi-tenant", enterprisePricing: false },
    ],
  },
  "event-driven-small-team": {
    trips: [{ ...TS_TEAM, interactionStyle: "event-driven", teamSize: 19 }],
    passes: [
      { ...TS_TEAM, interactionStyle: "event-driven", teamSize: 20 },
      { ...TS_TEAM, interactionStyle: "async-queue", teamSize: 5 },
    ],
  },
  "regulated-without-owner-or-encryption": {
    trips: [
      { ...TS_TEAM, dataSensitivity: "phi", complianceOwner: "", encryptionAtRestPlan: true },
      { ...TS_TEAM, dataSensitivity: "pci", complianceOwner: "Ana", encryptionAtRestPlan: false },
      {
        ...TS_TEAM,
        dataSensitivity: "regulated",
        complianceOwner: "  ",
        encryptionAtRestPlan: false,
      },
    ],
    passes: [
      { ...TS_TEAM, dataSensitivity: "phi", complianceOwner: "Ana", encryptionAtRestPlan: true },
      { ...TS_TEAM, dataSensitivity: "pii", complianceOwner: "", encryptionAtRestPlan: false },
    ],
  },
  "microservices-without-prerequisites": {
    trips: [
      { ...TS_TEAM, pattern: "microservices", teamSize: 29 },
      { ...TS_TEAM, pattern: "microservices", teamSize: 40, platformTeam: false },
      { ...TS_TEAM, pattern: "microservices", teamSize: 40, independentBoundedContexts: false },
    ],
    passes: [
      {
        ...TS_TEAM,
        pattern: "microservices",
        teamSize: 30,
        platformTeam: true,
        independentBoundedContexts: true,
      },
      { ...TS_TEAM, pattern: "domain-bounded-services", teamSize: 8, platformTeam: false },
    ],
  },
  "domain-bounded-services-without-platform-team": {
    trips: [
      { ...TS_TEAM, pattern: "domain-bounded-services", teamSize: 8, platformTeam: false },
      { ...TS_TEAM, pattern: "domain-bounded-services", teamSize: 29, platformTeam: false },
      {
        ...TS_TEAM,
        pattern: "domain-bounded-services",
        teamSize: 40,
        platformTeam: true,
        independentBoundedContexts: false,
      },
    ],
    passes: [
      { ...TS_TEAM, pattern: "domain-bounded-services", teamSize: 8, platformTeam: true },
      { ...TS_TEAM, pattern: "domain-bounded-services", teamSize: 30, platformTeam: false },
      { ...TS_TEAM, pattern: "modular-monolith", teamSize: 8, platformTeam: false },
    ],
  },
  "no-rpo-rto": {
    trips: [
      { ...TS_TEAM, rpoMinutes: null, rtoMinutes: 60 },
      { ...TS_TEAM, rpoMinutes: 5, rtoMinutes: null },
    ],
    passes: [
      { ...TS_TEAM, rpoMinutes: 5, rtoMinutes: 60 },
      { ...TS_TEAM, rpoMinutes: null, rtoMinutes: null, customerFacing: false },
    ],
  },
  "ha-without-slo-or-owner": {
    trips: [
      { ...TS_TEAM, sloTarget: null, errorBudgetOwner: "Sam" },
      { ...TS_TEAM, sloTarget: 99.9, errorBudgetOwner: "" },
    ],
    passes: [{ ...TS_TEAM, sloTarget: 99.9, errorBudgetOwner: "Sam" }, TS_TEAM],
  },
};

describe("kill criteria", () => {
  it("has a case for every criterion, in question order", () => {
    expect(Object.keys(CASES).sort()).toEqual(KILL_CRITERIA.map((k) => k.id).sort());
    const questions = KILL_CRITERIA.map((k) => k.question);
    expect(questions).toEqual([...questions].sort((a, b) => a - b));
  });

  for (const k of KILL_CRITERIA) {
    describe(k.id, () => {
      it("trips on the answers that meet it, with reason and remedy", () => {
        for (const answers of CASES[k.id]!.trips) {
          const found = evaluateKillCriteria(answers).find((t) => t.id === k.id);
          expect(found, JSON.stringify(answers)).toBeDefined();
          expect(found!.reason.length).toBeGreaterThan(10);
          expect(found!.remedy.length).toBeGreaterThan(10);
        }
      });
      it("does not trip on close answers that do not", () => {
        for (const answers of CASES[k.id]!.passes) {
          expect(tripped(answers), JSON.stringify(answers)).not.toContain(k.id);
        }
      });
    });
  }
});
