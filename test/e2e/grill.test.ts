import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir.js";
import { describeInTmux, TmuxSession } from "../helpers/tmux.js";

let dir: string;
let session: TmuxSession | undefined;
beforeEach(() => {
  dir = tempDir("grill-e2e");
});
afterEach(() => {
  session?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const transcript = () => join(dir, readdirSync(dir).find((n) => n.startsWith("backend-grill-"))!);

/** Wait for the turn, then answer it: type `text` into its field (if given), then Enter. */
async function answer(s: TmuxSession, heading: string, text?: string) {
  await s.waitFor(heading);
  if (text) {
    s.type(text);
    await s.waitFor(text);
  }
  s.send("Enter");
}

describeInTmux("grill in a real terminal", () => {
  it("drives all seven questions and their follow-ups at 80x24 and writes the transcript", async () => {
    session = new TmuxSession(["grill", "--transcript-dir", dir], { columns: 80, rows: 24 });
    const s = session;
    const first = await s.waitFor("Question 1/7 · Load");
    expect(first).toContain("senior-backend · grill");
    expect(first).toContain("question 1/7");
    expect(first).toContain("Canon: Kleppmann");
    s.type("20");
    await s.waitFor("› Reads per write (20 means 20:1) 20");
    s.send("Enter");
    await s.waitFor("› One-year p99 QPS");
    s.type("50");
    await s.waitFor("One-year p99 QPS                50");
    s.send("Enter");

    const tenancy = await s.waitFor("Question 2/7 · Tenancy");
    expect(tenancy).toContain("› Shared multi-tenant (tenant_id on every row)  (recommended)");
    s.send("Enter");
    await answer(s, "Question 3/7 · Interaction style");
    await answer(s, "follow-up: Interaction exceptions", "PDF export via a queue");
    await answer(s, "Question 4/7 · Data sensitivity");
    await answer(s, "Question 5/7 · Architecture");
    await answer(s, "follow-up: Team size", "8");
    await answer(s, "follow-up: Platform team");
    await s.waitFor("follow-up: Language");
    for (const label of [".NET (C#)", "Kotlin", "Java", "Rust", "Go", "Python", "TypeScript"]) {
      s.send("Up");
      await s.waitFor(`› ${label}`);
    }
    s.send("Enter");
    await answer(s, "follow-up: Admin panel");
    await answer(s, "follow-up: Customer-facing database");
    const recovery = await s.waitFor("Question 6/7 · Recovery");
    expect(recovery).toContain("Recommended: RPO 60 min, RTO 120 min");
    s.send("Enter");
    await s.waitFor("› RTO");
    s.send("Enter");
    await answer(s, "follow-up: Recovery per surface", "billing 0/15");
    await s.waitFor("Question 7/7 · SLO");
    s.send("Enter");
    await s.waitFor("› p99 latency");
    s.send("Enter");
    await answer(s, "follow-up: SLI", "good requests at the load balancer");
    await answer(s, "follow-up: Error-budget owner", "Sam Okafor");

    await s.waitFor("senior-backend · decision", 15_000);
    await s.waitFor("node-express", 15_000);

    const path = transcript();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, "utf8");
    expect(text).toContain("- Status: **complete**");
    expect(text).toContain(
      "**Answer:** Reads per write (20 means 20:1): 20; One-year p99 QPS: 50 req/s",
    );
    expect(text).toContain("**Answer:** TypeScript");
    expect(text).toContain("**Answer:** billing 0/15 min");
    expect(text).toContain("**Answer:** Sam Okafor");
    expect(text).toContain("**Canon:** Beyer et al., Site Reliability Engineering");
    s.type("q");
    await s.waitFor("[exit 0]");
    expect(s.screen()).toContain("node-express");
  });

  it("Ctrl+C mid-grill exits 130 and the transcript keeps every answer given", async () => {
    session = new TmuxSession(["grill", "--transcript-dir", dir], { columns: 80, rows: 24 });
    const s = session;
    await s.waitFor("Question 1/7 · Load");
    s.type("5");
    await s.waitFor("› Reads per write (20 means 20:1) 5");
    s.send("Enter");
    await s.waitFor("› One-year p99 QPS");
    s.type("1200");
    await s.waitFor("1200");
    s.send("Enter");
    await answer(s, "Question 2/7 · Tenancy");
    await s.waitFor("Question 3/7 · Interaction style");
    s.send("C-c");
    const screen = await s.waitFor("[exit 130]");
    expect(screen).toContain("Grill paused at question 3/7; 2 answers kept.");
    const text = readFileSync(transcript(), "utf8");
    expect(text).toContain("One-year p99 QPS: 1200 req/s");
    expect(text).toContain("**Answer:** Shared multi-tenant");
    expect(text).toContain('"status": "in-progress"');
  });
});
