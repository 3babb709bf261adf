import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints why tests were skipped (each skipped block names its reason), then one plain closing line,
 * `tests: N passed, N failed, N skipped`, that CI logs can read.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const skippedWhy = new Map<string, number>();
    for (const mod of testModules) {
      if (mod.state() === "failed" && [...mod.children.allTests()].length === 0) count.failed += 1;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") count.passed += 1;
        else if (state === "failed") count.failed += 1;
        else {
          count.skipped += 1;
          const where = test.fullName.split(" > ")[0] ?? test.fullName;
          skippedWhy.set(where, (skippedWhy.get(where) ?? 0) + 1);
        }
      }
    }
    for (const [where, n] of skippedWhy) process.stdout.write(`\nskipped ${n}: ${where}`);
    process.stdout.write(
      `\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
