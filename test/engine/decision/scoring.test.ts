import { describe, expect, it } from "vitest";
import {
  type Answers,
  decide,
  loadProfiles,
  rankProfiles,
  scoreProfile,
  TIE_BREAK_RULE,
} from "../../../src/engine/decision/index.js";
import { makeProfile, TS_TEAM } from "../../helpers/decision-fixtures.js";

const shipped = await loadProfiles();
const byName = (name: string) => shipped.profiles.find((p) => p.name === name)!;
const status = (answers: Answers, profile: string, dimension: string) =>
  [
    ...scoreProfile(answers, byName(profile)).matched,
    ...scoreProfile(answers, byName(profile)).violated,
  ].find((c) => c.dimension === dimension)?.status;

describe("scoring", () => {
  it("loads the four shipped profiles without errors", () => {
    expect(shipped.errors).toEqual([]);
    expect(shipped.profiles.map((p) => p.name)).toEqual([
      "django-monolith",
      "fastapi-python",
      "go-or-rust-microservice",
      "node-express",
    ]);
  });

  it("picks node-express for the documented TypeScript example, with every constraint matched", () => {
    const d = decide(TS_TEAM, { profiles: shipped });
    expect(d.status).toBe("recommended");
    expect(d.best?.score.profile).toBe("node-express");
    expect(d.best?.score.fitScore).toBe(100);
    expect(d.best?.score.violated).toEqual([]);
    expect(d.ranking.at(-1)?.profile).toBe("go-or-rust-microservice");
    expect(d.kills).toEqual([]);
  });

  it("matches tenancy exactly: isolated-multi-tenant matches where listed and nowhere else", () => {
    const a = { ...TS_TEAM, tenancy: "isolated-multi-tenant" } as const;
    expect(status(a, "node-express", "tenancy")).toBe("matched");
    expect(status(a, "django-monolith", "tenancy")).toBe("violated");
  });

  it("matches patterns exactly: monolith does not match modular-monolith", () => {
    const modularOnly = makeProfile("m", { constraints: { patterns: ["modular-monolith"] } });
    const check = (pattern: Answers["pattern"]) =>
      scoreProfile({ ...TS_TEAM, pattern }, modularOnly).checks.find(
        (c) => c.dimension === "pattern",
      )?.status;
    expect(check("monolith")).toBe("violated");
    expect(check("modular-monolith")).toBe("matched");
    expect(status({ ...TS_TEAM, pattern: "microservices" }, "node-express", "pattern")).toBe(
      "violated",
    );
    expect(status({ ...TS_TEAM, pattern: "monolith" }, "django-monolith", "pattern")).toBe(
      "matched",
    );
  });

  it("counts a language preference for and against by the same weight", () => {
    const profile = makeProfile("p", { constraints: { languages: ["typescript"] } });
    const none = scoreProfile({ ...TS_TEAM, languagePreference: undefined }, profile).points;
    const match = scoreProfile(TS_TEAM, profile).points;
    const mismatch = scoreProfile({ ...TS_TEAM, languagePreference: "python" }, profile).points;
    expect(match - none).toBe(3);
    expect(none - mismatch).toBe(3);
  });

  it("gives a python team the python profile by the same margin a TS team gets the TS one", () => {
    const ts = makeProfile("ts", { constraints: { languages: ["typescript"] } });
    const py = makeProfile("py", { constraints: { languages: ["python"] } });
    const forTs = rankProfiles(TS_TEAM, [ts, py]).scores;
    const forPy = rankProfiles({ ...TS_TEAM, languagePreference: "python" }, [ts, py]).scores;
    expect(forTs[0]!.profile).toBe("ts");
    expect(forPy[0]!.profile).toBe("py");
    expect(forTs[0]!.points - forTs[1]!.points).toBe(forPy[0]!.points - forPy[1]!.points);
  });

  it("uses the read/write ratio", () => {
    const readHeavy = scoreProfile(TS_TEAM, byName("django-monolith"));
    const writeHeavy = scoreProfile({ ...TS_TEAM, readWriteRatio: 0.5 }, byName("django-monolith"));
    expect(readHeavy.points).toBeGreaterThan(writeHeavy.points);
    expect(writeHeavy.violated.map((c) => c.dimension)).toContain("readWriteRatio");
  });

  it("scores every constraint input; SLO inputs tighten the floor instead", () => {
    const constraintInputs: Answers = {
      ...TS_TEAM,
      platformTeam: true,
      needsAdminPanel: false,
      interactionStyle: "sync",
    };
    const s = scoreProfile(
      { ...constraintInputs, rpoMinutes: 30, rtoMinutes: 60, sloTarget: 99.9, sloLatencyMs: 300 },
      byName("go-or-rust-microservice"),
    );
    expect(s.checks.map((c) => c.input).sort()).toEqual(Object.keys(constraintInputs).sort());
  });

  it("gives each row of the table its answer, constraint, hard/soft and weight", () => {
    const s = scoreProfile({ ...TS_TEAM, languagePreference: "java" }, byName("node-express"));
    expect(s.checks.find((c) => c.dimension === "languagePreference")).toMatchObject({
      answer: "java",
      constraint: "typescript",
      strength: "hard",
      weight: 3,
      status: "violated",
    });
    expect(s.checks.find((c) => c.dimension === "teamSize")).toMatchObject({
      answer: "8",
      constraint: "1–15",
      strength: "soft",
      status: "matched",
    });
    expect(s.eligible).toBe(false);
    expect(s.hardViolations.map((c) => c.dimension)).toEqual(["languagePreference"]);
    // 50 + 50 × points / maxPoints
    expect(s.fitScore).toBe(Math.round((50 + (50 * s.points) / s.maxPoints) * 10) / 10);
  });

  it("never separates profiles equal on every rule by name or file order: they tie", () => {
    const a = makeProfile("alpha", { constraints: { teamSize: { min: 1, max: 10 } } });
    const b = makeProfile("beta", { constraints: { teamSize: { min: 1, max: 10 } } });
    const forward = rankProfiles(TS_TEAM, [a, b]);
    const backward = rankProfiles(TS_TEAM, [b, a]);
    expect(forward.tied.map((s) => s.profile)).toEqual(["alpha", "beta"]);
    expect(backward.tied.map((s) => s.profile)).toEqual(["alpha", "beta"]);
    expect(forward.decidedBy).toBeUndefined();
    expect(TIE_BREAK_RULE).not.toContain("profile name in code-point order");
    expect(TIE_BREAK_RULE[0]).toBe("no violated hard constraint or tripped kill anti-pattern");
  });

  it("on equal points prefers fewer violations, then more matches", () => {
    const soft = { patterns: "soft" } as const;
    const equalPoints = makeProfile("a-equal", {
      constraints: {
        teamSize: { min: 1, max: 10 },
        patterns: ["microservices"],
        tenancies: ["shared-multi-tenant"],
      },
      constraintStrength: soft,
    });
    const neutralOnly = makeProfile("b-neutral", {
      constraints: { tenancies: ["shared-multi-tenant"] },
    });
    // a-equal: +3 team −3 pattern +2 tenancy = 2; b-neutral: +2 tenancy = 2
    const answers = { ...TS_TEAM, languagePreference: undefined };
    const ranking = rankProfiles(answers, [equalPoints, neutralOnly]);
    expect(ranking.scores.map((s) => s.profile)).toEqual(["b-neutral", "a-equal"]);
    expect(ranking.decidedBy).toBe("fewer violated constraints");
  });

  it("picks each shipped profile for the team it was written for", () => {
    const pick = (a: Answers) => decide(a, { profiles: shipped }).best?.score.profile;
    expect(pick(TS_TEAM)).toBe("node-express");
    expect(pick({ ...TS_TEAM, languagePreference: "python", needsAdminPanel: false })).toBe(
      "fastapi-python",
    );
    expect(
      pick({
        ...TS_TEAM,
        languagePreference: "python",
        pattern: "monolith",
        needsAdminPanel: true,
        readWriteRatio: 50,
      }),
    ).toBe("django-monolith");
    expect(
      pick({
        ...TS_TEAM,
        teamSize: 40,
        qpsP99: 5000,
        pattern: "domain-bounded-services",
        platformTeam: true,
        languagePreference: "go",
        dataSensitivity: "phi",
        sloTarget: 99.9,
      }),
    ).toBe("go-or-rust-microservice");
  });

  it("shows a runner-up only within 15% of the best, and only one that fits", () => {
    const close = decide(
      { ...TS_TEAM, languagePreference: "python", needsAdminPanel: true },
      { profiles: shipped },
    );
    expect(close.best?.score.profile).toBe("django-monolith");
    expect(close.runnerUp?.score.profile).toBe("fastapi-python");
    const far = decide(TS_TEAM, { profiles: shipped });
    expect(far.runnerUp).toBeUndefined();
  });
});
