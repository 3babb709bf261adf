import { describe, expect, it } from "vitest";
import {
  type Answers,
  decide,
  errorBudgetMinutes,
  loadProfiles,
  scoreProfile,
} from "../../../src/engine/decision/index.js";
import { TS_TEAM } from "../../helpers/decision-fixtures.js";

const shipped = await loadProfiles();
const run = (a: Answers) => decide(a, { profiles: shipped });

describe("SLOs as a senior engineer reads them", () => {
  it("a stricter SLO never lowers any profile's fit", () => {
    const strict: Answers[] = [
      { sloLatencyMs: 50 },
      { sloLatencyMs: 1 },
      { sloTarget: 99.999 },
      { rpoMinutes: 0, rtoMinutes: 1 },
    ];
    for (const p of shipped.profiles) {
      const plain = scoreProfile(TS_TEAM, p).fitScore;
      for (const extra of strict)
        expect(
          scoreProfile({ ...TS_TEAM, ...extra }, p).fitScore,
          `${p.name} ${JSON.stringify(extra)}`,
        ).toBe(plain);
    }
    const d = run({ ...TS_TEAM, sloLatencyMs: 50 });
    expect(d.best?.sloFloor.latencyMs.p99).toBe(50);
    expect(d.best?.sloFloor.sources.p99).toBe("answers");
    expect(d.warnings.map((w) => w.id)).not.toContain("latency-slo-looser-than-floor");
  });

  it("an SLO looser than the profile's floor is a warning, and the floor stands", () => {
    const d = run({
      ...TS_TEAM,
      sloLatencyMs: 2000,
      sloTarget: 99,
      rpoMinutes: 60,
      rtoMinutes: 120,
    });
    expect(d.status).toBe("recommended");
    expect(d.best?.sloFloor.latencyMs.p99).toBe(600);
    const latency = d.warnings.find((w) => w.id === "latency-slo-looser-than-floor")!;
    expect(latency.numbers).toEqual({ stated: 2000, floor: 600 });
    expect(latency.message).toContain("2000 ms is looser than node-express's floor of 600 ms");
    expect(d.warnings.find((w) => w.id === "availability-slo-looser-than-floor")?.numbers).toEqual({
      stated: 99,
      floor: 99.5,
    });
  });

  it("warns when one restore within the RTO burns the monthly error budget", () => {
    expect(errorBudgetMinutes(99.99)).toBeCloseTo(4.32, 2);
    const d = run({ ...TS_TEAM, sloTarget: 99.99, rpoMinutes: 15, rtoMinutes: 240 });
    const w = d.warnings.find((x) => x.id === "rto-exceeds-error-budget")!;
    expect(w.numbers).toEqual({
      availabilityPercent: 99.99,
      errorBudgetMinutesPerMonth: 4.32,
      rtoMinutes: 240,
      budgetsPerRestore: 55.6,
    });
    expect(w.message).toMatch(/burns the budget 55\.6 times over/);
    const relaxed = run({ ...TS_TEAM, sloTarget: 99, rpoMinutes: 15, rtoMinutes: 240 });
    expect(relaxed.warnings.map((x) => x.id)).not.toContain("rto-exceeds-error-budget");
  });

  it("does the error-budget arithmetic whatever the status", () => {
    const blocked = run({ ...TS_TEAM, qpsP99: null, sloTarget: 99.99, rtoMinutes: 240 });
    expect(blocked.status).toBe("blocked");
    expect(blocked.warnings.map((w) => w.id)).toEqual(["rto-exceeds-error-budget"]);
    const noFit = run({ ...TS_TEAM, languagePreference: "java", sloTarget: 99.9, rtoMinutes: 60 });
    expect(noFit.status).toBe("no-fit");
    expect(noFit.warnings[0]?.numbers.budgetsPerRestore).toBe(1.4);
  });

  it("the shipped profiles' suggested defaults agree with their own error budgets", () => {
    for (const p of shipped.profiles) {
      const t = p.successThresholds;
      expect(t.rtoMinutes!, p.name).toBeLessThanOrEqual(errorBudgetMinutes(t.uptimePercent!));
    }
  });
});

describe("complete", () => {
  it("is true only when the team stated an availability SLO, an RPO and an RTO", () => {
    const none = run(TS_TEAM);
    expect(none.complete).toBe(false);
    expect(none.unstated.map((u) => u.flag)).toEqual([
      "--slo-target",
      "--rpo-minutes",
      "--rto-minutes",
    ]);
    // the profile's values fill the floor, marked as coming from the profile (suggested defaults)
    expect(none.best?.sloFloor.sources).toMatchObject({
      uptimePercent: "profile",
      rpoMinutes: "profile",
      rtoMinutes: "profile",
    });
    expect(none.best?.complete).toBe(false);
    const partial = run({ ...TS_TEAM, sloTarget: 99.9, rpoMinutes: 15 });
    expect(partial.complete).toBe(false);
    expect(partial.unstated.map((u) => u.field)).toEqual(["rtoMinutes"]);
    const all = run({ ...TS_TEAM, sloTarget: 99.9, rpoMinutes: 15, rtoMinutes: 30 });
    expect(all.complete).toBe(true);
    expect(all.unstated).toEqual([]);
    expect(all.best?.complete).toBe(true);
  });
});
