import { describe, expect, it } from "vitest";
import { limitWords, reviewDigest } from "../../src/report/review-digest.js";

describe("review digest", () => {
  it("stays within 200 words whatever the steps say", () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
    const digest = reviewDigest({
      status: "blocked",
      bestFit: null,
      runnerUp: null,
      whyNone: long,
      kills: [{ title: long, question: 1 }],
      sloFloor: null,
      nextSteps: [long, long, long],
    });
    expect(digest.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(200);
    expect(digest.startsWith("Status: blocked.")).toBe(true);
    expect(limitWords("a b c", 200)).toBe("a b c");
  });
});
