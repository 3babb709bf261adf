import { describe, expect, it } from "vitest";
import { KILL_CRITERIA } from "../../../src/engine/decision/index.js";
import {
  answersOf,
  answerTurn,
  type GrillState,
  givenEntries,
  goBack,
  initialState,
  keptAnswer,
  nextTurn,
  progress,
  TURNS,
  type TurnInput,
} from "../../../src/engine/grill/index.js";
import { PASSING_INPUT } from "../../helpers/grill-answers.js";

/** Answer turns until the grill ends, with `overrides` per turn id; returns the state and turns asked. */
function drive(overrides: Record<string, TurnInput> = {}) {
  let state: GrillState = initialState();
  const asked: string[] = [];
  for (let i = 0; i <= TURNS.length; i++) {
    const turn = nextTurn(state);
    if (!turn) break;
    asked.push(turn.id);
    const outcome = answerTurn(state, overrides[turn.id] ?? PASSING_INPUT[turn.id]!);
    if (!outcome.ok) throw new Error(`${turn.id}: ${outcome.message}`);
    state = outcome.state;
  }
  return { state, asked, answers: answersOf(state.entries) };
}

describe("grill turn state machine", () => {
  it("asks the seven questions and only the follow-ups that apply, then completes", () => {
    const { state, asked, answers } = drive();
    expect(state.status).toBe("complete");
    expect(asked).toEqual([
      "load",
      "tenancy",
      "interaction",
      "interaction-exceptions",
      "sensitivity",
      "architecture",
      "team-size",
      "platform-team",
      "language",
      "admin-panel",
      "customer-facing",
      "recovery",
      "recovery-surfaces",
      "slo",
      "slo-sli",
      "error-budget-owner",
    ]);
    expect(answers).toMatchObject({
      readWriteRatio: 20,
      qpsP99: 50,
      tenancy: "shared-multi-tenant",
      teamSize: 8,
      platformTeam: false,
      languagePreference: "typescript",
      recoveryPerSurface: { billing: { rpoMinutes: 0, rtoMinutes: 15 } },
      sloTarget: 99.5,
      errorBudgetOwner: "Sam Okafor",
    });
    expect(progress(state)).toEqual({ question: 7, of: 7 });
  });

  it("asks enterprise pricing only after single-tenant, compliance facts only for regulated data", () => {
    const { asked } = drive({
      tenancy: { tenancy: "single-tenant" },
      sensitivity: { dataSensitivity: "phi" },
      architecture: { pattern: "microservices" },
      "team-size": { teamSize: "45" },
      "platform-team": { platformTeam: "yes" },
    });
    expect(asked).toContain("enterprise-pricing");
    expect(asked).toContain("compliance-owner");
    expect(asked).toContain("encryption-at-rest");
    expect(asked).toContain("bounded-contexts");
  });

  it("asks team size right after event-driven, and not again at question 5", () => {
    const { asked, state } = drive({ interaction: { interactionStyle: "event-driven" } });
    expect(state.status).toBe("complete");
    expect(asked.indexOf("team-size-events")).toBe(asked.indexOf("interaction") + 1);
    expect(asked).not.toContain("team-size");
  });

  const cases: Array<[string, Record<string, TurnInput>, string]> = [
    ["no-qps-number", { load: { readWriteRatio: "20", qpsP99: "we'll need to scale" } }, "load"],
    ["no-qps-number", { load: { readWriteRatio: "20", qpsP99: "" } }, "load"],
    [
      "single-tenant-without-enterprise-pricing",
      { tenancy: { tenancy: "single-tenant" }, "enterprise-pricing": { enterprisePricing: "no" } },
      "enterprise-pricing",
    ],
    [
      "event-driven-small-team",
      { interaction: { interactionStyle: "event-driven" }, "team-size-events": { teamSize: "12" } },
      "team-size-events",
    ],
    [
      "regulated-without-owner-or-encryption",
      { sensitivity: { dataSensitivity: "phi" }, "compliance-owner": { complianceOwner: "" } },
      "compliance-owner",
    ],
    [
      "regulated-without-owner-or-encryption",
      {
        sensitivity: { dataSensitivity: "pci" },
        "encryption-at-rest": { encryptionAtRestPlan: "no" },
      },
      "encryption-at-rest",
    ],
    [
      "microservices-without-prerequisites",
      { architecture: { pattern: "microservices" }, "team-size": { teamSize: "8" } },
      "team-size",
    ],
    [
      "microservices-without-prerequisites",
      {
        architecture: { pattern: "microservices" },
        "team-size": { teamSize: "40" },
        "platform-team": { platformTeam: "yes" },
        "bounded-contexts": { independentBoundedContexts: "no" },
      },
      "bounded-contexts",
    ],
    [
      "domain-bounded-services-without-platform-team",
      {
        architecture: { pattern: "domain-bounded-services" },
        "team-size": { teamSize: "8" },
        "platform-team": { platformTeam: "no" },
      },
      "platform-team",
    ],
    ["no-rpo-rto", { recovery: { rpoMinutes: "", rtoMinutes: "240" } }, "recovery"],
    ["ha-without-slo-or-owner", { slo: { sloTarget: "high availability" } }, "slo"],
    [
      "ha-without-slo-or-owner",
      { "error-budget-owner": { errorBudgetOwner: "  " } },
      "error-budget-owner",
    ],
  ];

  it.each(cases)("kill criterion %s stops the grill (%#)", (id, overrides, stoppedAt) => {
    const { state, asked } = drive(overrides);
    expect(state.status).toBe("killed");
    expect(asked.at(-1)).toBe(stoppedAt);
    expect(nextTurn(state)).toBeUndefined();
    const criterion = KILL_CRITERIA.find((k) => k.id === id)!;
    expect(state.kills).toEqual([
      {
        id,
        question: criterion.question,
        title: criterion.title,
        reason: criterion.reason,
        remedy: criterion.remedy,
      },
    ]);
  });

  it("covers every kill criterion in the cases above", () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(KILL_CRITERIA.map((k) => k.id)));
  });

  it("does not trip the recovery kill when no customer-facing database is behind the service", () => {
    const { state } = drive({
      "customer-facing": { customerFacing: "no" },
      recovery: { rpoMinutes: "", rtoMinutes: "" },
    });
    expect(state.status).toBe("complete");
  });

  it("refuses input that is not a number in range, with a message naming the field", () => {
    const s = initialState();
    const notNumber = answerTurn(s, { readWriteRatio: "20", qpsP99: "lots" });
    expect(notNumber).toMatchObject({ ok: false, field: "qpsP99" });
    if (!notNumber.ok) {
      expect(notNumber.message).toContain('"lots" is not a number');
      expect(notNumber.message).toContain("we'll need to scale");
    }
    const negative = answerTurn(s, { readWriteRatio: "-3", qpsP99: "50" });
    expect(negative).toMatchObject({ ok: false, field: "readWriteRatio" });
    if (!negative.ok) expect(negative.message).toContain("out of range");
    const missingRatio = answerTurn(s, { readWriteRatio: "", qpsP99: "50" });
    expect(missingRatio).toMatchObject({ ok: false, field: "readWriteRatio" });
    expect(notNumber.state).toBe(s);
  });

  it("refuses a fractional team size and an unknown choice", () => {
    const { state } = drive({ architecture: { pattern: "modular-monolith" } });
    let s: GrillState = initialState();
    for (const e of state.entries) {
      if (e.turn === "team-size") break;
      s = { ...s, entries: [...s.entries, e], at: s.at + 1 };
    }
    const r = answerTurn(s, { teamSize: "2.5" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("whole number");
    const bad = answerTurn(initialState(), { readWriteRatio: 1, qpsP99: 1 });
    expect(bad.ok).toBe(true);
    const choice = answerTurn(bad.state, { tenancy: "multi" });
    expect(choice.ok).toBe(false);
    if (!choice.ok) expect(choice.message).toContain("single-tenant, shared-multi-tenant");
  });

  it("goes back one turn and keeps the answer stepped over, pre-selected when asked again", () => {
    const first = answerTurn(initialState(), PASSING_INPUT.load!);
    const second = answerTurn(first.state, { tenancy: "single-tenant" });
    expect(nextTurn(second.state)?.id).toBe("enterprise-pricing");
    const back = goBack(second.state);
    expect(nextTurn(back)?.id).toBe("tenancy");
    expect(back.entries.map((e) => e.turn)).toEqual(["load", "tenancy"]);
    expect(keptAnswer(back)?.values).toEqual({ tenancy: "single-tenant" });
    // the answers on the way to tenancy do not include the kept one
    expect(answersOf(givenEntries(back)).tenancy).toBeUndefined();
  });

  it("keeps every later answer when the same answer is given again after two steps back", () => {
    let state = initialState();
    for (const id of ["load", "tenancy", "interaction", "interaction-exceptions"]) {
      expect(nextTurn(state)?.id).toBe(id);
      state = answerTurn(state, PASSING_INPUT[id]!).state;
    }
    state = goBack(goBack(state));
    expect(nextTurn(state)?.id).toBe("interaction");
    expect(state.entries).toHaveLength(4);
    state = answerTurn(state, PASSING_INPUT.interaction!).state;
    expect(nextTurn(state)?.id).toBe("interaction-exceptions");
    expect(keptAnswer(state)?.values).toEqual({ interactionExceptions: "PDF export via a queue" });
    expect(state.entries).toHaveLength(4);
  });

  it("a changed answer drops only the later turns that no longer apply", () => {
    let state = initialState();
    const path: Record<string, TurnInput> = {
      ...PASSING_INPUT,
      interaction: { interactionStyle: "event-driven" },
    };
    for (const id of ["load", "tenancy", "interaction", "team-size-events"]) {
      expect(nextTurn(state)?.id).toBe(id);
      state = answerTurn(state, path[id]!).state;
    }
    const sensitivity = nextTurn(state)?.id; // the turn after team-size-events
    state = answerTurn(state, PASSING_INPUT[sensitivity!]!).state;
    // back to interaction: team-size-events (event-driven only) and the later answer are kept
    state = goBack(goBack(goBack(state)));
    expect(nextTurn(state)?.id).toBe("interaction");
    expect(state.entries.map((e) => e.turn)).toContain("team-size-events");
    state = answerTurn(state, { interactionStyle: "sync" }).state;
    const turns = state.entries.map((e) => e.turn);
    expect(turns).not.toContain("team-size-events");
    expect(turns).toContain(sensitivity);
    // the later answer that still applies is pre-selected when its turn comes
    while (nextTurn(state)?.id !== sensitivity) {
      const id = nextTurn(state)!.id;
      state = answerTurn(state, PASSING_INPUT[id]!).state;
    }
    expect(keptAnswer(state)?.turn).toBe(sensitivity);
  });

  it("a changed answer that makes a new follow-up apply asks it before the kept answers", () => {
    let state = initialState();
    for (const id of ["load", "tenancy", "interaction"]) {
      state = answerTurn(state, PASSING_INPUT[id]!).state;
    }
    state = goBack(goBack(state));
    expect(nextTurn(state)?.id).toBe("tenancy");
    state = answerTurn(state, { tenancy: "single-tenant" }).state;
    expect(nextTurn(state)?.id).toBe("enterprise-pricing");
    state = answerTurn(state, PASSING_INPUT["enterprise-pricing"]!).state;
    expect(nextTurn(state)?.id).toBe("interaction");
    expect(keptAnswer(state)?.values).toEqual({ interactionStyle: "sync" });
  });
});
