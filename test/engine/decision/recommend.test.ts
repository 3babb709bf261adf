import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  COMPOSITION_MAP,
  decide,
  loadProfiles,
  missingInputs,
  profileReport,
} from "../../../src/engine/decision/index.js";
import { packageRoot } from "../../../src/engine/shared/index.js";
import { makeProfile, TS_TEAM } from "../../helpers/decision-fixtures.js";

const shipped = await loadProfiles();

describe("recommendation", () => {
  it("lists every missing required input, and decide refuses without them", () => {
    expect(missingInputs({}).map((m) => m.flag)).toEqual([
      "--read-write-ratio",
      "--qps-p99",
      "--tenancy",
      "--data-sensitivity",
      "--pattern",
      "--team-size",
    ]);
    expect(missingInputs({ ...TS_TEAM, qpsP99: null })).toEqual([]);
    expect(() => decide({ teamSize: 3 }, { profiles: shipped })).toThrow(
      /missing required inputs: --read-write-ratio, --qps-p99, --tenancy, --data-sensitivity, --pattern$/,
    );
  });

  it("lists tripped kill criteria, and a profile's tripped anti-patterns first", () => {
    const d = decide(
      { ...TS_TEAM, pattern: "microservices", interactionStyle: "event-driven", qpsP99: null },
      { profiles: shipped },
    );
    expect(d.status).toBe("blocked");
    expect(d.kills.map((k) => k.id)).toEqual([
      "no-qps-number",
      "event-driven-small-team",
      "microservices-without-prerequisites",
    ]);
    const node = profileReport(
      d.inputs,
      shipped.profiles.find((p) => p.name === "node-express")!,
      d.ranking.find((s) => s.profile === "node-express")!,
    );
    const anti = node.antiPatterns;
    expect(anti.slice(0, 2).map((a) => [a.id, a.tripped])).toEqual([
      ["microservices-at-this-team-size", true],
      ["kafka-before-second-team", true],
    ]);
    expect(anti[0]!.because).toBe("pattern microservices; team of 8 (< 30)");
    expect(anti.slice(2).every((a) => !a.tripped)).toBe(true);
  });

  it("never auto-approves and names who must approve, DBA and on-call included", () => {
    const custom = makeProfile("acme-regulated", {
      constraints: { languages: ["typescript"], maxSensitivity: "phi" },
      approvals: shipped.profiles.find((p) => p.name === "node-express")!.approvals,
    });
    const d = decide(
      {
        ...TS_TEAM,
        dataSensitivity: "phi",
        complianceOwner: "Ana Ruiz",
        errorBudgetOwner: "Sam Lee",
      },
      { profiles: [...shipped.profiles, custom] },
    );
    expect(d.status).toBe("recommended");
    const best = d.best!;
    expect(best.score.profile).toBe("acme-regulated");
    expect(best.approvers.autoApproved).toBe(false);
    expect(best.approvers.statement).toMatch(/Nothing here is approved by this tool/);
    const schema = best.approvers.approvals.find((a) => a.change === "production-schema-change")!;
    expect(schema.chain.map((p) => p.role)).toEqual([
      "tech-lead",
      "dba",
      "on-call",
      "compliance-owner",
    ]);
    expect(schema.chain.at(-1)?.name).toBe("Ana Ruiz");
    const slo = best.approvers.approvals.find((a) => a.change === "slo-change")!;
    expect(slo.chain[0]).toMatchObject({ role: "error-budget-owner", name: "Sam Lee" });
    for (const p of shipped.profiles) {
      const chain = p.approvals.find((a) => a.change === "production-schema-change")!.chain;
      expect(chain.map((c) => c.role)).toEqual(expect.arrayContaining(["dba", "on-call"]));
    }
  });

  it("builds the SLO floor from the profile, tightened by stricter answers", () => {
    const d = decide(
      { ...TS_TEAM, sloLatencyMs: 200, sloTarget: 99.9, rpoMinutes: 90, rtoMinutes: 30 },
      { profiles: shipped },
    );
    const floor = d.best!.sloFloor;
    expect(floor.latencyMs).toEqual({ p50: 80, p95: 200, p99: 200 });
    expect(floor.uptimePercent).toBe(99.9);
    expect(floor.rpoMinutes).toBe(60);
    expect(floor.rtoMinutes).toBe(30);
    expect(floor.sources).toMatchObject({
      p99: "answers",
      uptimePercent: "answers",
      rpoMinutes: "profile",
    });
    expect(d.complete).toBe(true);
  });

  it("lists the floor values neither side gives", () => {
    const bare = makeProfile("bare", { successThresholds: { uptimePercent: 99.5 } });
    const d = decide(TS_TEAM, { profiles: [bare] });
    expect(d.best!.sloFloor.missing).toEqual(["p50", "p95", "p99", "rpoMinutes", "rtoMinutes"]);
    const filled = decide({ ...TS_TEAM, rpoMinutes: 15, rtoMinutes: 60 }, { profiles: [bare] });
    expect(filled.best!.sloFloor.missing).toEqual(["p50", "p95", "p99"]);
  });

  it("lists the next concerns, compliance only for regulated data", () => {
    const regulatedOk = makeProfile("acme", {
      constraints: { languages: ["typescript"], maxSensitivity: "pci" },
    });
    const ids = (a: typeof TS_TEAM) =>
      decide(a, { profiles: [...shipped.profiles, regulatedOk] }).best!.nextConcerns.map(
        (c) => c.id,
      );
    expect(ids(TS_TEAM)).toEqual([
      "api-contract-review",
      "schema-design",
      "zero-downtime-migration",
      "slo-observability",
      "security-review",
      "module-boundaries",
    ]);
    expect(ids({ ...TS_TEAM, dataSensitivity: "pci" })).toContain("compliance");
    expect(ids({ ...TS_TEAM, dataSensitivity: "pci" })).not.toContain("module-boundaries");
    expect(ids({ ...TS_TEAM, dataSensitivity: "internal" })).not.toContain("compliance");
  });

  it("agrees with references/composition_map.md", async () => {
    const map = await readFile(join(packageRoot, "references/composition_map.md"), "utf8");
    for (const entry of COMPOSITION_MAP) {
      expect(map, entry.id).toMatch(new RegExp(`\\| \`${entry.id}\` +\\| ${entry.title} +\\|`));
    }
    for (const p of shipped.profiles) {
      for (const c of p.nextConcerns ?? []) expect(map, c.id).toContain(`\`${c.id}\``);
    }
  });
});
