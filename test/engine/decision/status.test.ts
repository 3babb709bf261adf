import { describe, expect, it } from "vitest";
import {
  type Answers,
  DATA_SENSITIVITIES,
  decide,
  LANGUAGES,
  loadProfiles,
  PATTERNS,
  TENANCIES,
} from "../../../src/engine/decision/index.js";
import { makeProfile, TS_TEAM } from "../../helpers/decision-fixtures.js";

const shipped = await loadProfiles();
const run = (a: Answers) => decide(a, { profiles: shipped });

describe("decision status", () => {
  it("recommended: the best profile violates no hard constraint", () => {
    const d = run(TS_TEAM);
    expect(Object.keys(d)[0]).toBe("status");
    expect(d.status).toBe("recommended");
    expect(d.best?.score.profile).toBe("node-express");
    expect(d.best?.score.hardViolations).toEqual([]);
    expect(d.summary).toMatch(/^node-express .*fit 100\.0\/100/);
    expect(d.tied).toEqual([]);
    expect(d.closest).toEqual([]);
    expect(d.separatingQuestion).toBeNull();
    expect(d.customProfile).toBeNull();
  });

  it("no-fit: a Java team gets no recommendation, the closest profiles and how to write its own", () => {
    const d = run({ ...TS_TEAM, languagePreference: "java" });
    expect(d.status).toBe("no-fit");
    expect(d.best).toBeNull();
    expect(d.runnerUp).toBeUndefined();
    expect(d.summary).toMatch(/^no profile is written for java teams; write a custom profile/);
    expect(d.closest.length).toBeGreaterThan(0);
    for (const c of d.closest) {
      expect(c.changes.map((x) => x.dimension)).toEqual(["languagePreference"]);
      expect(c.changes[0]!.change).toContain("custom profile for java");
    }
    // the profile built around an admin panel nobody asked for is not the template to copy
    expect(d.closest[0]!.profile).not.toBe("django-monolith");
    const guide = d.customProfile!;
    expect(guide.copyFrom).toBe(`profiles/${d.closest[0]!.profile}.json`);
    expect(guide.copyTo).toBe("profiles/<your-org>.json");
    expect(guide.edits).toContainEqual({ pointer: "/constraints/languages", value: ["java"] });
    expect(guide.steps.join("\n")).toMatch(/DBA and the on-call engineer/);
  });

  it("no-fit: PHI above every TypeScript profile's maximum names the data as what must change", () => {
    const d = run({ ...TS_TEAM, dataSensitivity: "phi" });
    expect(d.status).toBe("no-fit");
    expect(d.closest[0]!.profile).toBe("node-express");
    expect(d.closest[0]!.changes[0]).toMatchObject({
      dimension: "dataSensitivity",
      answer: "phi",
      constraint: "≤ pii",
    });
    expect(d.closest[0]!.changes[0]!.change).toMatch(/compliance owner/);
    expect(d.customProfile?.edits).toContainEqual({
      pointer: "/constraints/maxSensitivity",
      value: "phi",
    });
  });

  it("never recommends a profile that violates a hard constraint, for any language × pattern × data × tenancy", () => {
    for (const languagePreference of LANGUAGES)
      for (const pattern of PATTERNS)
        for (const dataSensitivity of DATA_SENSITIVITIES)
          for (const tenancy of TENANCIES) {
            const d = run({ ...TS_TEAM, languagePreference, pattern, dataSensitivity, tenancy });
            const label = `${languagePreference} ${pattern} ${dataSensitivity} ${tenancy}`;
            if (d.status === "recommended") {
              expect(d.best!.score.hardViolations, label).toEqual([]);
              expect(d.best!.score.trippedKills, label).toEqual([]);
              expect(
                d.best!.score.checks.find((c) => c.dimension === "languagePreference")?.status,
                label,
              ).toBe("matched");
            } else {
              expect(d.best, label).toBeNull();
            }
            if (["java", "kotlin", "dotnet"].includes(languagePreference))
              expect(["no-fit", "blocked"], label).toContain(d.status);
          }
  });

  it("blocked: a kill criterion stops the decision even when a profile fits, kills first", () => {
    const d = run({ ...TS_TEAM, rpoMinutes: null });
    expect(d.status).toBe("blocked");
    expect(d.best).toBeNull();
    expect(d.kills.map((k) => k.id)).toEqual(["no-rpo-rto"]);
    expect(d.kills[0]!.remedy.length).toBeGreaterThan(20);
    expect(d.summary).toMatch(
      /^1 kill criterion tripped \(A customer-facing production database with no RPO\/RTO\)/,
    );
    expect(d.ranking[0]!.profile).toBe("node-express");
  });

  it("blocked: MonolithFirst holds for domain-bounded services with a small team and no platform team", () => {
    const d = run({
      ...TS_TEAM,
      languagePreference: "python",
      pattern: "domain-bounded-services",
      platformTeam: false,
    });
    expect(d.status).toBe("blocked");
    expect(d.kills.map((k) => k.id)).toEqual(["domain-bounded-services-without-platform-team"]);
    expect(d.kills[0]!.reason).toMatch(/MonolithFirst/);
    const withPlatform = run({
      ...TS_TEAM,
      languagePreference: "python",
      pattern: "domain-bounded-services",
      platformTeam: true,
    });
    expect(withPlatform.status).toBe("recommended");
    expect(withPlatform.best?.score.profile).toBe("fastapi-python");
  });

  it("tie: a Python team that did not say whether it needs an admin panel is asked, not assigned by name", () => {
    const d = run({ ...TS_TEAM, languagePreference: "python" });
    expect(d.status).toBe("tie");
    expect(d.best).toBeNull();
    expect(d.tied).toEqual(["django-monolith", "fastapi-python"]);
    const q = d.separatingQuestion!;
    expect(q.kind).toBe("unanswered-input");
    expect(q.dimension).toBe("needsAdminPanel");
    expect(q.flag).toBe("--needs-admin-panel yes|no");
    expect(q.outcomes).toEqual([
      { answer: "yes", leadsTo: "django-monolith" },
      { answer: "no", leadsTo: "fastapi-python" },
    ]);
    expect(d.tieBreak.decidedBy).toBeUndefined();
  });

  it("tie: two profiles identical in every constraint tie in either file order", () => {
    const a = makeProfile("alpha", { constraints: { languages: ["typescript"] } });
    const b = makeProfile("beta", { constraints: { languages: ["typescript"] } });
    for (const list of [
      [a, b],
      [b, a],
    ]) {
      const d = decide(TS_TEAM, { profiles: list });
      expect(d.status).toBe("tie");
      expect(d.tied).toEqual(["alpha", "beta"]);
      expect(d.separatingQuestion?.kind).toBe("same-constraints");
      expect(d.separatingQuestion?.text).toMatch(/Which stack does your team already run/);
    }
  });

  it("tie: profiles that match different inputs of equal weight ask which matters more", () => {
    const soft = { patterns: "soft" } as const;
    // a: team matched (+3), pattern violated (−3); b: the other way round
    const a = makeProfile("a", {
      constraints: { teamSize: { max: 10 }, patterns: ["microservices"] },
      constraintStrength: soft,
    });
    const b = makeProfile("b", {
      constraints: { teamSize: { max: 5 }, patterns: ["modular-monolith"] },
      constraintStrength: soft,
    });
    const d = decide({ ...TS_TEAM, languagePreference: undefined }, { profiles: [a, b] });
    expect(d.status).toBe("tie");
    expect(d.separatingQuestion?.kind).toBe("trade-off");
    expect(d.separatingQuestion?.text).toBe(
      "a matches your team size; b matches your architecture pattern. Which of these matters more for this service?",
    );
  });
});

describe("order and fairness", () => {
  it("gives the same decision whatever order the profile files come in", () => {
    const reversed = [...shipped.profiles].reverse();
    for (const languagePreference of [...LANGUAGES, undefined])
      for (const pattern of PATTERNS)
        for (const needsAdminPanel of [undefined, true, false])
          for (const teamSize of [8, 40]) {
            const a: Answers = {
              ...TS_TEAM,
              languagePreference,
              pattern,
              needsAdminPanel,
              teamSize,
            };
            const key = (list: typeof reversed) => {
              const d = decide(a, { profiles: list });
              return [
                d.status,
                d.best?.score.profile,
                d.tied,
                d.summary,
                d.closest.map((c) => c.profile),
              ];
            };
            expect(key(reversed), JSON.stringify(a)).toEqual(key(shipped.profiles));
          }
  });

  it("never offers an answer that would settle a tie by tripping a kill", () => {
    const d = run({
      ...TS_TEAM,
      languagePreference: "python",
      needsAdminPanel: true,
      qpsP99: 3000,
    });
    expect(d.status).toBe("tie");
    // event-driven would rule FastAPI out through its Kafka kill (team under 20): not a fair question
    expect(d.separatingQuestion?.dimension).not.toBe("interactionStyle");
    expect(d.separatingQuestion?.kind).toBe("trade-off");
    expect(d.separatingQuestion?.text).toBe(
      "django-monolith matches your admin panel; fastapi-python matches your one-year p99 QPS. Which of these matters more for this service?",
    );
  });

  it("says when an answer narrows a tie without settling it", () => {
    const d = run({ ...TS_TEAM, languagePreference: undefined });
    expect(d.tied).toEqual(["django-monolith", "fastapi-python", "node-express"]);
    expect(d.separatingQuestion?.outcomes).toContainEqual({
      answer: "python",
      leadsTo: null,
      stillTied: ["django-monolith", "fastapi-python"],
    });
    expect(d.summary).toContain(
      "typescript → node-express; python → django-monolith or fastapi-python, still tied",
    );
  });
});

describe("facts that matter", () => {
  it("an admin-panel need favours the stack that ships one", () => {
    const d = run({ ...TS_TEAM, languagePreference: "python", needsAdminPanel: true });
    expect(d.status).toBe("recommended");
    expect(d.best?.score.profile).toBe("django-monolith");
    const fastapi = d.ranking.find((s) => s.profile === "fastapi-python")!;
    expect(fastapi.violated.map((c) => c.dimension)).toEqual(["needsAdminPanel"]);
    expect(fastapi.violated[0]!.strength).toBe("soft");
    const none = run({ ...TS_TEAM, languagePreference: "python", needsAdminPanel: false });
    expect(none.best?.score.profile).toBe("fastapi-python");
  });

  it("a profile whose own kill anti-pattern trips is never recommended", () => {
    const d = run({
      ...TS_TEAM,
      languagePreference: "go",
      teamSize: 40,
      qpsP99: 5000,
      pattern: "domain-bounded-services",
      platformTeam: false,
    });
    const go = d.ranking.find((s) => s.profile === "go-or-rust-microservice")!;
    expect(go.trippedKills.map((k) => k.id)).toEqual(["extraction-without-platform-team"]);
    expect(go.eligible).toBe(false);
    expect(d.status).toBe("no-fit");
    expect(d.closest[0]!.changes[0]).toMatchObject({
      antiPattern: "extraction-without-platform-team",
    });
  });

  it("warns when the recommended profile still misses soft constraints or assumes an unanswered fact", () => {
    const d = run({ ...TS_TEAM, languagePreference: "go", pattern: "domain-bounded-services" });
    expect(d.status).toBe("recommended");
    const ids = d.warnings.map((w) => w.id);
    expect(ids).toContain("best-violates-soft-constraints");
    expect(ids).toContain("unconfirmed-requirement");
    expect(d.warnings.find((w) => w.id === "unconfirmed-requirement")?.message).toContain(
      "--platform-team",
    );
  });
});
