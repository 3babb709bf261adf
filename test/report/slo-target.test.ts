import { describe, expect, it } from "vitest";
import { resolveSlo } from "../../src/report/slo-target.js";

describe("--slo", () => {
  it("takes a shipped profile's latency thresholds", async () => {
    const target = await resolveSlo("node-express");
    expect(target).toMatchObject({ name: "node-express", source: "profile" });
    expect(target.latencyMs.p99).toBe(600);
  });

  it("names the available profiles for an unknown one", async () => {
    await expect(resolveSlo("no-such-profile")).rejects.toThrow(
      /unknown profile "no-such-profile"/,
    );
  });

  it("reports a missing transcript file", async () => {
    await expect(resolveSlo("transcripts/missing.md")).rejects.toThrow(/no grill transcript/);
  });
});
