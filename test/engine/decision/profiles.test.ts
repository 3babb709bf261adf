import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEFAULT_PROFILES_DIR,
  decide,
  findProfile,
  loadProfiles,
  strengthOf,
} from "../../../src/engine/decision/index.js";
import { TS_TEAM } from "../../helpers/decision-fixtures.js";
import { tempDir } from "../../helpers/temp-dir.js";

const SHIPPED = ["node-express", "fastapi-python", "django-monolith", "go-or-rust-microservice"];

let dir: string;
beforeEach(async () => {
  dir = tempDir("profiles");
  for (const name of SHIPPED) {
    await copyFile(join(DEFAULT_PROFILES_DIR, `${name}.json`), join(dir, `${name}.json`));
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function customFrom(base: string, name: string, edit: (p: Record<string, unknown>) => void) {
  const p = JSON.parse(await readFile(join(DEFAULT_PROFILES_DIR, `${base}.json`), "utf8"));
  p.name = name;
  edit(p);
  await writeFile(join(dir, `${name}.json`), JSON.stringify(p, null, 2));
}

describe("profile validation", () => {
  it("reports a broken custom profile by file and field, and the rest still load", async () => {
    await customFrom("node-express", "acme", (p) => {
      (p.constraints as Record<string, unknown>).tenancies = ["multi-tenant"];
      (p.successThresholds as Record<string, unknown>).uptimePercent = "high";
    });
    const loaded = await loadProfiles(dir);
    expect(loaded.profiles.map((p) => p.name).sort()).toEqual([...SHIPPED].sort());
    const file = join(dir, "acme.json");
    expect(loaded.errors).toContainEqual({
      file,
      pointer: "/constraints/tenancies/0",
      message: expect.stringContaining('"shared-multi-tenant"'),
    });
    expect(loaded.errors).toContainEqual({
      file,
      pointer: "/successThresholds/uptimePercent",
      message: "must be number",
    });
  });

  it("names a missing field and an unknown one", async () => {
    await customFrom("node-express", "acme", (p) => {
      delete p.approvals;
      p.colour = "blue";
    });
    const { errors } = await loadProfiles(dir);
    const pointers = errors.map((e) => `${e.pointer} ${e.message}`);
    expect(pointers).toContain("/approvals is required");
    expect(pointers).toContain("/colour is not a known field");
  });

  it("reports a file that is not JSON", async () => {
    await writeFile(join(dir, "broken.json"), "{ not json");
    const { errors, profiles } = await loadProfiles(dir);
    expect(profiles).toHaveLength(4);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: join(dir, "broken.json"), pointer: "" });
    expect(errors[0]!.message).toMatch(/^not readable JSON/);
  });

  it("requires a DBA and on-call on production schema changes, ordered ranges, and name = file name", async () => {
    await customFrom("node-express", "acme", (p) => {
      p.approvals = [
        {
          change: "production-schema-change",
          title: "Schema",
          chain: [{ role: "tech-lead", title: "TL" }],
        },
      ];
      (p.constraints as Record<string, unknown>).teamSize = { min: 20, max: 5 };
    });
    await customFrom("node-express", "copied", (p) => {
      p.name = "node-express";
    });
    const { errors } = await loadProfiles(dir);
    const lines = errors.map((e) => `${e.file.split("/").at(-1)} ${e.pointer}: ${e.message}`);
    expect(lines).toContain(
      'acme.json /approvals/0/chain: a production schema change must name the "dba" role',
    );
    expect(lines).toContain(
      'acme.json /approvals/0/chain: a production schema change must name the "on-call" role',
    );
    expect(lines).toContain("acme.json /constraints/teamSize: min (20) is above max (5)");
    expect(lines).toContain(
      'copied.json /name: must equal the file name "copied" (got "node-express")',
    );
  });

  it("ranks a valid custom profile with the shipped ones", async () => {
    await customFrom("node-express", "acme-platform", (p) => {
      p.title = "ACME TypeScript platform";
      (p.constraints as Record<string, unknown>).teamSize = { min: 5, max: 40 };
    });
    const loaded = await loadProfiles(dir);
    expect(loaded.errors).toEqual([]);
    const d = decide(TS_TEAM, { profiles: loaded });
    expect(d.ranking.map((s) => s.profile)).toContain("acme-platform");
    // equal to node-express on every input given: a tie, never decided by the name
    expect(d.status).toBe("tie");
    expect(d.best).toBeNull();
    expect(d.tied).toEqual(["acme-platform", "node-express"]);
    expect(d.separatingQuestion?.kind).toBe("same-constraints");
    expect(d.separatingQuestion?.text).toContain(
      "team size: acme-platform 5–40, node-express 1–15",
    );
    // a team of 20 is an answer that separates them
    const bigger = decide({ ...TS_TEAM, teamSize: 20 }, { profiles: loaded });
    expect(bigger.status).toBe("recommended");
    expect(bigger.best?.score.profile).toBe("acme-platform");
  });

  it("reads hard/soft from constraintStrength and reports a strength for an unset constraint", async () => {
    await customFrom("node-express", "acme-soft", (p) => {
      p.constraintStrength = { languages: "soft", readWriteRatio: "hard" };
    });
    const loaded = await loadProfiles(dir);
    const soft = loaded.profiles.find((p) => p.name === "acme-soft")!;
    const java = decide({ ...TS_TEAM, languagePreference: "java" }, { profiles: [soft] });
    expect(java.status).toBe("recommended");
    expect(java.warnings.map((w) => w.id)).toContain("best-violates-soft-constraints");
    const writeHeavy = decide({ ...TS_TEAM, readWriteRatio: 0.5 }, { profiles: [soft] });
    expect(writeHeavy.status).toBe("no-fit");

    await customFrom("node-express", "acme-bad-strength", (p) => {
      p.constraintStrength = { interactionStyles: "firm" };
    });
    await customFrom("node-express", "acme-unset-strength", (p) => {
      delete (p.constraints as Record<string, unknown>).qpsP99;
      p.constraintStrength = { qpsP99: "hard" };
    });
    const { errors } = await loadProfiles(dir);
    const lines = errors.map((e) => `${e.file.split("/").at(-1)} ${e.pointer}: ${e.message}`);
    expect(lines).toContain(
      'acme-bad-strength.json /constraintStrength/interactionStyles: must be one of "hard", "soft"',
    );
    expect(lines).toContain(
      "acme-unset-strength.json /constraintStrength/qpsP99: names a constraint the profile does not set (add constraints.qpsP99 or remove this line)",
    );
  });

  it("marks language, data-sensitivity maximum, tenancy and pattern hard in every shipped profile", async () => {
    const { profiles } = await loadProfiles();
    for (const p of profiles) {
      for (const name of ["languages", "maxSensitivity", "tenancies", "patterns"] as const)
        expect(strengthOf(p, name), `${p.name} ${name}`).toBe("hard");
      expect(strengthOf(p, "teamSize"), p.name).toBe("soft");
    }
  });

  it("finds a profile by name and lists the names when it cannot", async () => {
    const p = await findProfile("go-or-rust-microservice");
    expect(p.successThresholds.latencyMs).toEqual({ p50: 20, p95: 80, p99: 200 });
    await expect(findProfile("nope", dir)).rejects.toMatchObject({
      message: 'unknown profile "nope"',
      hint: expect.stringContaining("node-express"),
      exitCode: 2,
    });
  });

  it("fails with a user error when a folder has no valid profile", async () => {
    const empty = join(dir, "empty");
    await mkdir(empty);
    await expect(loadProfiles(empty)).rejects.toMatchObject({ exitCode: 2 });
    await expect(loadProfiles(join(dir, "missing"))).rejects.toMatchObject({
      message: expect.stringContaining("profiles folder not found"),
    });
  });

  it("keeps the documented p99 floors of the shipped profiles", async () => {
    const { profiles } = await loadProfiles();
    const p99 = Object.fromEntries(
      profiles.map((p) => [p.name, p.successThresholds.latencyMs?.p99]),
    );
    expect(p99).toEqual({
      "node-express": 600,
      "fastapi-python": 500,
      "django-monolith": 800,
      "go-or-rust-microservice": 200,
    });
  });
});
