import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GrillSession, readTranscript } from "../../../../src/engine/grill/index.js";
import { App } from "../../../../src/tui/app.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import { PASSING_INPUT } from "../../../helpers/grill-answers.js";
import { frameFits, press, resizeStdout, waitForFrame, waitUntil } from "../../../helpers/ink.js";
import { tempDir } from "../../../helpers/temp-dir.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["grill", "decision"]));

const ENTER = "\r";
const ESC = "\u001b";
const DOWN = "\u001b[B";

let dir: string;
beforeEach(() => {
  dir = tempDir("grill-screen");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(columns = 100, rows = 30) {
  const onDone = vi.fn();
  const r = render(
    <App start={{ screen: "grill", params: { transcriptDir: dir } }} onDone={onDone} />,
  );
  resizeStdout(r.stdout, columns, rows);
  /** Wait for `heading`, then type each chunk (text or a key), letting Ink handle each. */
  const step = async (heading: string | RegExp, ...keys: string[]) => {
    await waitForFrame(r.lastFrame, heading);
    await press(r, keys);
  };
  return { ...r, onDone, step };
}

const transcriptPath = () => {
  const [name] = readdirSync(dir);
  return join(dir, name!);
};

describe("grill screen", () => {
  it("shows one question per turn with progress, the recommendation and the canon", async () => {
    const r = start();
    const first = await waitForFrame(r.lastFrame, "Question 1/7 · Load");
    expect(first).toContain("question 1/7");
    expect(first).toContain("Recommended:");
    expect(first).toContain("Canon: Kleppmann, Designing Data-Intensive Applications");
    await r.step("Load", "20", ENTER, "50", ENTER);
    const tenancy = await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    expect(tenancy).toContain("› Shared multi-tenant (tenant_id on every row)  (recommended)");
    expect(tenancy).toContain("Canon: AWS SaaS Tenant Isolation");
    expect(tenancy).toContain(`Transcript: ${transcriptPath()}`);
    r.unmount();
  });

  it("goes through all seven questions and their follow-ups to the end", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", "20", ENTER, "50", ENTER);
    await r.step("Question 2/7 · Tenancy", ENTER);
    await r.step("Question 3/7 · Interaction style", ENTER);
    await r.step("follow-up: Interaction exceptions", "PDF export via a queue", ENTER);
    await r.step("Question 4/7 · Data sensitivity", ENTER);
    await r.step("Question 5/7 · Architecture", ENTER);
    await r.step("follow-up: Team size", "8", ENTER);
    await r.step("follow-up: Platform team", ENTER);
    await r.step("follow-up: Language", "k", ENTER);
    await r.step("follow-up: Admin panel", ENTER);
    await r.step("follow-up: Customer-facing database", ENTER);
    await r.step("Question 6/7 · Recovery", ENTER, ENTER);
    await r.step("follow-up: Recovery per surface", "billing 0/15", ENTER);
    await r.step("Question 7/7 · SLO", ENTER, ENTER);
    await r.step("follow-up: SLI", "good requests at the load balancer", ENTER);
    await r.step("follow-up: Error-budget owner", "Sam Okafor", ENTER);
    await waitForFrame(r.lastFrame, "senior-backend · decision", 5_000);
    await waitForFrame(r.lastFrame, "node-express", 5_000);
    r.stdin.write(ESC);
    const back = await waitForFrame(r.lastFrame, "All seven questions answered.");
    expect(back).toContain(`Transcript: ${transcriptPath()}`);
    r.stdin.write(ENTER);
    await waitForFrame(r.lastFrame, "senior-backend · decision");
    const t = await readTranscript(transcriptPath());
    expect(t.status).toBe("complete");
    expect(t.answers).toMatchObject({
      readWriteRatio: 20,
      qpsP99: 50,
      tenancy: "shared-multi-tenant",
      teamSize: 8,
      languagePreference: "dotnet",
      rpoMinutes: 60,
      rtoMinutes: 120,
      recoveryPerSurface: { billing: { rpoMinutes: 0, rtoMinutes: 15 } },
      sloTarget: 99.5,
      errorBudgetOwner: "Sam Okafor",
    });
    r.unmount();
  });

  it("refuses a value that is not a number and stays on the question", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", "abc", ENTER, "50", ENTER);
    const frame = await waitForFrame(r.lastFrame, '"abc" is not a number');
    expect(frame).toContain('Reads per write (20 means 20:1): "abc" is not a number');
    expect(frame).toContain("Question 1/7 · Load");
    expect(readdirSync(dir)).toEqual([]);
    r.unmount();
  });

  it("takes keys that arrive in one chunk (a paste, fast typing): Enter moves on, Backspace erases", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", `2x\u007f0${ENTER}`, `50${ENTER}`);
    await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    const t = await readTranscript(transcriptPath());
    expect(t.answers).toMatchObject({ readWriteRatio: 20, qpsP99: 50 });
    r.unmount();
  });

  it("takes `Down Enter` and `j Enter` sent at once as two keys each, in order", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", `20${ENTER}50${ENTER}`);
    await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    r.stdin.write(`${DOWN}${ENTER}`);
    await waitForFrame(r.lastFrame, "Question 3/7");
    expect((await readTranscript(transcriptPath())).answers.tenancy).toBe("isolated-multi-tenant");
    r.stdin.write(`j${ENTER}`);
    await waitForFrame(r.lastFrame, /Question 4\/7|follow-up/);
    expect((await readTranscript(transcriptPath())).answers.interactionStyle).toBe("async-queue");
    r.unmount();
  });

  it("Esc Esc keeps the later answers in the transcript; each is pre-selected when asked again", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", `20${ENTER}50${ENTER}`);
    await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    r.stdin.write(`${DOWN}${DOWN}${ENTER}${ENTER}`);
    await waitForFrame(r.lastFrame, "Interaction exceptions");
    r.stdin.write(`${ESC}${ESC}`);
    const back = await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    expect(back).toContain("› Isolated multi-tenant");
    expect((await readTranscript(transcriptPath())).entries).toHaveLength(3);
    // The same answer again keeps the next one, which is pre-selected in its turn.
    r.stdin.write(ENTER);
    const again = await waitForFrame(r.lastFrame, "Question 3/7");
    expect(again).toContain("› Synchronous request/response");
    expect((await readTranscript(transcriptPath())).entries).toHaveLength(3);
    r.unmount();
  });

  it("stops on a kill criterion with the reason and remedy; q leaves with exit 1", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", "20", ENTER, "we'll need to scale", ENTER);
    const frame = await waitForFrame(r.lastFrame, "Kill criterion (question 1): No QPS number");
    expect(frame).toContain("Reason: Without a p99 QPS estimate");
    expect(frame).toContain("Remedy: Estimate one-year p99 QPS");
    expect(frame).toContain("Enter/q leave");
    r.stdin.write("q");
    await waitUntil(() => r.onDone.mock.calls.length > 0, "onDone");
    expect(r.onDone).toHaveBeenCalledWith({
      exitCode: 1,
      summary: expect.stringContaining("Remedy: Estimate one-year p99 QPS"),
    });
    expect(readFileSync(transcriptPath(), "utf8")).toContain("stopped by a kill criterion");
  });

  it("goes back one question with Esc, with the earlier answer selected", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", "20", ENTER, "50", ENTER);
    await r.step("Question 2/7 · Tenancy", DOWN, ENTER);
    await r.step("Question 3/7 · Interaction style", ESC);
    const frame = await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    expect(frame).toContain("› Isolated multi-tenant");
    expect((await readTranscript(transcriptPath())).turnIndex).toBe(1);
    r.unmount();
  });

  it("keeps every answer given when Ctrl+C leaves with 130", async () => {
    const r = start();
    await r.step("Question 1/7 · Load", "20", ENTER, "50", ENTER);
    await r.step("Question 2/7 · Tenancy", ENTER);
    await r.step("Question 3/7 · Interaction style", "\u0003");
    await waitUntil(() => r.onDone.mock.calls.length > 0, "onDone");
    expect(r.onDone).toHaveBeenCalledWith({
      exitCode: 130,
      summary: expect.stringContaining("Grill paused at question 3/7; 2 answers kept."),
    });
    const t = await readTranscript(transcriptPath());
    expect(t.answers).toEqual({ readWriteRatio: 20, qpsP99: 50, tenancy: "shared-multi-tenant" });
  });

  it("fits 80x24 on the longest turns", async () => {
    const r = start(80, 24);
    await r.step("Question 1/7 · Load", "20", ENTER, "50", ENTER);
    await r.step("Question 2/7 · Tenancy", ENTER);
    await r.step("Question 3/7 · Interaction style", ENTER);
    await r.step("follow-up: Interaction exceptions", ENTER);
    const q4 = await waitForFrame(r.lastFrame, "Question 4/7 · Data sensitivity");
    expect(frameFits(q4, 80, 24)).toMatchObject({ fits: true });
    expect(q4).toContain("Canon: HIPAA 45 CFR 164");
    await r.step("Question 4/7", ENTER);
    await r.step("Question 5/7 · Architecture", ENTER);
    await r.step("follow-up: Team size", "8", ENTER);
    await r.step("follow-up: Platform team", ENTER);
    const language = await waitForFrame(r.lastFrame, "follow-up: Language");
    expect(frameFits(language, 80, 24)).toMatchObject({ fits: true });
    expect(language).toContain("› No preference");
    r.unmount();
  });

  it("is first in the home menu and opens from it", async () => {
    const r = render(<App onDone={() => {}} />);
    resizeStdout(r.stdout, 80, 24);
    const home = await waitForFrame(r.lastFrame, "Pick a tool");
    expect(home).toMatch(/[›❯] Grill — the seven forcing questions\n/);
    r.stdin.write(ENTER);
    await waitForFrame(r.lastFrame, "Question 1/7 · Load");
    r.stdin.write(ESC);
    await waitForFrame(r.lastFrame, "Pick a tool");
    r.unmount();
  });

  it("continues a transcript passed in by grill --resume at the next question", async () => {
    const first = GrillSession.start({ transcriptDir: dir });
    first.answer({ readWriteRatio: "20", qpsP99: "50" });
    first.answer({ tenancy: "isolated-multi-tenant" });
    first.close();
    const session = GrillSession.resume(transcriptPath());
    const onDone = vi.fn();
    const r = render(<App start={{ screen: "grill", params: { session } }} onDone={onDone} />);
    resizeStdout(r.stdout, 80, 24);
    await waitForFrame(r.lastFrame, "Question 3/7 · Interaction style");
    r.stdin.write("q");
    await waitUntil(() => onDone.mock.calls.length > 0, "onDone");
    expect(onDone).toHaveBeenCalledWith({
      exitCode: 0,
      summary: expect.stringContaining(
        `Continue: senior-backend grill --resume ${transcriptPath()}`,
      ),
    });
    session.close();
  });

  it("fits every turn, every follow-up and the kill panel into 80x24", async () => {
    const overrides: Record<string, Record<string, string>> = {
      tenancy: { tenancy: "single-tenant" },
      "enterprise-pricing": { enterprisePricing: "yes" },
      interaction: { interactionStyle: "event-driven" },
      sensitivity: { dataSensitivity: "phi" },
      architecture: { pattern: "microservices" },
      "platform-team": { platformTeam: "yes" },
    };
    const session = GrillSession.start({ transcriptDir: dir });
    const seen: string[] = [];
    for (let i = 0; i < 25 && session.turn; i++) {
      const turn = session.turn;
      const r = render(<App start={{ screen: "grill", params: { session } }} onDone={() => {}} />);
      resizeStdout(r.stdout, 80, 24);
      await waitForFrame(r.lastFrame, turn.text.slice(0, 30));
      // The first frame may predate the resize to 80x24: poll until the frame fits (or time out).
      await waitUntil(() => frameFits(r.lastFrame() ?? "", 80, 24).fits, `${turn.id} to fit 80x24`);
      const frame = r.lastFrame() ?? "";
      expect(frameFits(frame, 80, 24), `${turn.id}\n${frame}`).toMatchObject({ fits: true });
      expect(frame).toContain("Canon:");
      r.unmount();
      seen.push(turn.id);
      expect(session.answer(overrides[turn.id] ?? PASSING_INPUT[turn.id]!).ok).toBe(true);
    }
    expect(seen).toHaveLength(20);
    session.back();
    session.answer({ errorBudgetOwner: "" });
    const r = render(<App start={{ screen: "grill", params: { session } }} onDone={() => {}} />);
    resizeStdout(r.stdout, 80, 24);
    await waitForFrame(r.lastFrame, "Remedy:");
    await waitUntil(
      () => frameFits(r.lastFrame() ?? "", 80, 24).fits,
      "the kill panel to fit 80x24",
    );
    const kill = r.lastFrame() ?? "";
    expect(frameFits(kill, 80, 24)).toMatchObject({ fits: true });
    expect(kill).toContain("Kill criterion (question 7)");
    r.unmount();
    session.close();
  });

  it("Esc on the kill panel goes back to change the answer that tripped it", async () => {
    const r = start(80, 24);
    await r.step("Question 1/7 · Load", "20", ENTER, "", ENTER);
    await r.step("Kill criterion (question 1): No QPS number", ESC);
    const frame = await waitForFrame(r.lastFrame, "Question 1/7 · Load");
    expect(frame).toContain("Reads per write (20 means 20:1) 20");
    await press(r, ["\t", "75"]);
    r.stdin.write(ENTER);
    await waitForFrame(r.lastFrame, "Question 2/7 · Tenancy");
    expect((await readTranscript(transcriptPath())).answers.qpsP99).toBe(75);
    r.unmount();
  });

  it("resuming a grill a kill criterion stopped shows the answer that tripped it, ready to change", async () => {
    const first = GrillSession.start({ transcriptDir: dir });
    first.answer({ readWriteRatio: "20", qpsP99: "50" });
    first.answer({ tenancy: "shared-multi-tenant" });
    first.answer({ interactionStyle: "event-driven" });
    first.answer({ teamSize: "12" });
    expect(first.state.status).toBe("killed");
    first.close();
    const session = GrillSession.resume(transcriptPath());
    const r = render(<App start={{ screen: "grill", params: { session } }} onDone={() => {}} />);
    resizeStdout(r.stdout, 80, 24);
    const frame = await waitForFrame(r.lastFrame, "follow-up: Team size");
    expect(frame).toMatch(/› Engineers who will build and run it +12/);
    r.unmount();
    session.close();
  });
});
