import { describe, expect, it } from "vitest";
import { checkExpectedStatus, checkRateLimit } from "../../../src/engine/load/index.js";
import { fakeReport } from "../../helpers/fake-load-report.js";

describe("expectations", () => {
  it("--expect-status passes only when every response has the status", () => {
    const ok = fakeReport({ successes: 40, statuses: { "400": 40 } });
    expect(checkExpectedStatus(ok, 400)).toMatchObject({
      passed: true,
      detail: "every response was 400 (40)",
    });
    const mixed = { ...fakeReport({ statuses: { "400": 30, "200": 10 } }), errors: { timeout: 2 } };
    const r = checkExpectedStatus(mixed, 400);
    expect(r.passed).toBe(false);
    expect(r.unexpected).toEqual({ "HTTP 200": 10, timeout: 2 });
    expect(r.detail).toBe(
      "expected 400 on every response; 30 were, got instead HTTP 200 ×10, timeout ×2",
    );
  });

  it("--expect-rate-limit reports when limiting began and the headers", () => {
    const report = {
      ...fakeReport({}),
      rateLimit: {
        count: 12,
        firstAtSec: 2.04,
        rpsAtStart: 180.4,
        headers: { "retry-after": "1" },
      },
    };
    expect(checkRateLimit(report)).toMatchObject({
      passed: true,
      detail: "limiting began 2.0 s in at about 180 req/s (12 × 429); headers: retry-after: 1",
    });
    const none = checkRateLimit(fakeReport({ rps: 300 }));
    expect(none.passed).toBe(false);
    expect(none.detail).toMatch(/^no 429 in 3000 requests at up to 30\d req\/s$/);
  });
});
