import type { EventEmitter } from "node:events";
import { render } from "ink-testing-library";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Answers } from "../../../../src/engine/decision/index.js";
import { App } from "../../../../src/tui/app.js";
import { type Navigator, NavigatorContext } from "../../../../src/tui/navigation.js";
import { preloadScreens } from "../../../../src/tui/screen-loader.js";
import {
  type DecisionParams,
  DecisionScreen,
} from "../../../../src/tui/screens/decide/decision-screen.js";
import { press, waitForFrame } from "../../../helpers/ink.js";

// Screens load when opened; load these once so each test starts on its screen's first frame.
beforeAll(() => preloadScreens(["decision"]));

const TS_TEAM: Answers = {
  teamSize: 8,
  qpsP99: 50,
  readWriteRatio: 20,
  tenancy: "shared-multi-tenant",
  dataSensitivity: "pii",
  pattern: "modular-monolith",
  languagePreference: "typescript",
};

const DOWN = "\u001b[B";
const TAB = "\t";
const ESC = "\u001b";

function resize(stdout: EventEmitter, columns: number, rows: number) {
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

function renderScreen(params: DecisionParams, size = { columns: 80, rows: 24 }) {
  const nav: Navigator = {
    open: vi.fn(),
    back: vi.fn(),
    quit: vi.fn(),
    setSummary: vi.fn(),
    onInterrupt: vi.fn(),
  };
  const r = render(
    <NavigatorContext.Provider value={nav}>
      <DecisionScreen nav={nav} params={params} />
    </NavigatorContext.Provider>,
  );
  resize(r.stdout as unknown as EventEmitter, size.columns, size.rows);
  return { ...r, nav };
}

/** The left (profile list) column of an 80-column frame. */
const listPane = (frame: string) =>
  frame
    .split("\n")
    .map((l) => l.slice(0, 29))
    .join("\n");

describe("decision screen", () => {
  it("ranks the profiles with fit bars, best first, and shows the best one's detail", async () => {
    const { lastFrame, unmount } = renderScreen({
      answers: TS_TEAM,
      source: "/tmp/backend-grill-x.md",
    });
    const frame = await waitForFrame(lastFrame, "[Profiles]");
    const list = listPane(frame);
    const order = [
      "node-express",
      "fastapi-python",
      "django-monolith",
      "go-or-rust-microservice",
    ].map((n) => list.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(list).toContain("› node-express");
    expect(frame).toContain("██████████ 100.0 best");
    expect(frame).toContain("████████░░  82.4 ruled out");
    expect(frame).toContain("recommended — node-express (Node.js + TypeScript modular monolith)");
    expect(frame).toContain("✔ no kill criteria tripped");
    expect(frame).toContain("/tmp/backend-grill-x.md");
    expect(frame).toContain("node-express · Status: recommended");
    expect(frame).toContain("recommended: node-express 100.0");
    unmount();
  });

  it("explains the fit: the formula and one row per input with hard/soft, weight and result", async () => {
    const { lastFrame, stdin, unmount } = renderScreen({ answers: TS_TEAM });
    await waitForFrame(lastFrame, "[Profiles]");
    stdin.write(TAB);
    await waitForFrame(lastFrame, "[node-express · Status: recommended]");
    stdin.write("]");
    await waitForFrame(lastFrame, "[node-express · Kill criteria]");
    stdin.write("]");
    const frame = await waitForFrame(lastFrame, "[node-express · Fit: node-express (best fit)]");
    expect(frame).toContain("100.0/100 = 50 + 50 × 17 points ÷ 17 max points");
    expect(frame).toContain("+weight matched, −weight violated");
    expect(frame).toContain("✔ +3/3 hard language: typescript vs typescript");
    expect(frame).toContain("✔ +3/3 soft team: 8 vs 1–15");
    unmount();
  });

  it("moves over the profiles and shows the violated constraints of the chosen one", async () => {
    const { lastFrame, stdin, unmount } = renderScreen({ answers: TS_TEAM });
    await waitForFrame(lastFrame, "[Profiles]");
    for (let i = 0; i < 3; i++) {
      await press({ stdin, lastFrame }, DOWN);
    }
    await waitForFrame(lastFrame, "› go-or-rust-microservice");
    const frame = await press(
      { stdin, lastFrame },
      [TAB, "]", "]"],
      "[go-or-rust-microservice · Fit: go-or-rust-mi",
    );
    expect(frame).toContain("✖ −3/3 hard language: typescript vs go, rust");
    expect(frame).toContain("✖ −3/3 soft team: 8 vs ≥ 30");
    expect(frame).toContain("✖ −2/2 soft p99 QPS: 50 vs ≥ 1000");
    unmount();
  });

  it("lists tripped kill criteria first, switches to the detail pane with Tab and scrolls by section", async () => {
    const { lastFrame, stdin, unmount } = renderScreen({
      answers: { ...TS_TEAM, interactionStyle: "event-driven", pattern: "microservices" },
    });
    const first = await waitForFrame(lastFrame, "[Profiles]");
    expect(first).toContain("blocked — 2 kill criteria tripped");
    expect(first).toContain("✖ 2 kill criteria tripped");
    expect(first).toContain("Kill criteria tripped (2)");
    expect(first).toContain("✖ Event-driven everywhere with a team under 20");
    expect(first).not.toContain(" best");
    stdin.write(TAB);
    await waitForFrame(lastFrame, "[node-express · Status: blocked]");
    stdin.write("]");
    await waitForFrame(lastFrame, "[node-express · Kill criteria tripped (2)]");
    stdin.write("]");
    await waitForFrame(lastFrame, "[node-express · Fit: node-express (1/4, ruled");
    for (let i = 0; i < 6; i++) {
      await press({ stdin, lastFrame }, "]");
    }
    const end = await waitForFrame(lastFrame, "Next concerns");
    expect(end).toContain("API contract review");
    stdin.write(ESC);
    await waitForFrame(lastFrame, "[Profiles]");
    unmount();
  });

  it("fits 80x24: no line longer than 80 and no more than 24 lines, in every section", async () => {
    const { lastFrame, stdin, unmount } = renderScreen({
      answers: { ...TS_TEAM, dataSensitivity: "phi", complianceOwner: "", sloTarget: null },
    });
    await waitForFrame(lastFrame, "[Profiles]");
    const check = () => {
      const lines = (lastFrame() ?? "").split("\n");
      expect(lines.length).toBeLessThanOrEqual(24);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    };
    check();
    await press({ stdin, lastFrame }, TAB);
    for (let i = 0; i < 10; i++) {
      await press({ stdin, lastFrame }, "]");
      check();
    }
    stdin.write("?");
    await waitForFrame(lastFrame, "Help — decision");
    check();
    unmount();
  });

  it("says which answers are missing instead of ranking", async () => {
    const { lastFrame, unmount } = renderScreen({ answers: { teamSize: 4 } });
    const frame = await waitForFrame(lastFrame, "The answers lack");
    expect(frame).toContain("read/write ratio (question 1)");
    expect(frame).toContain("tenancy (question 2)");
    unmount();
  });

  it("quits with q and prints a summary naming the best fit, kills, SLO floor and approvers", async () => {
    const onDone = vi.fn();
    const { lastFrame, stdin } = render(
      <App start={{ screen: "decision", params: { answers: TS_TEAM } }} onDone={onDone} />,
    );
    await waitForFrame(lastFrame, "[Profiles]");
    stdin.write("q");
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    const { exitCode, summary } = onDone.mock.calls[0]![0] as { exitCode: number; summary: string };
    expect(exitCode).toBe(0);
    expect(summary).toContain("decide: recommended — best fit node-express (fit 100.0/100)");
    expect(summary).toContain("kill criteria: none tripped");
    expect(summary).toContain("p99 600 ms");
    expect(summary).toContain("DBA");
  });
});
