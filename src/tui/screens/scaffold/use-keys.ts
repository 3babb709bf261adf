import type { Key } from "ink";
import { lineStep } from "../../kit/key-steps.js";
import { useKeys } from "../../kit/use-keys.js";

export type ScaffoldPhase = "form" | "running" | "result";

export interface ScaffoldKeyActions {
  phase: ScaffoldPhase;
  helpShown: boolean;
  /** The form row with focus: 0 source, 1 framework, 2 output. */
  focus: number;
  toggleHelp(): void;
  back(): void;
  quit(): void;
  moveFocus(delta: number): void;
  cycleFramework(delta: number): void;
  /** Enter on the framework row (text rows submit through their field). */
  confirmFramework(): void;
  stop(): void;
  scroll(delta: number): void;
  again(): void;
}

const FRAMEWORK_ROW = 1;

/**
 * The scaffold screen's one input hook. In the form, the text rows own printable keys (their
 * TextField); this hook takes Tab/↑/↓ between rows, ←/→ on the framework row, and Esc.
 */
export function useScaffoldKeys(a: ScaffoldKeyActions): void {
  useKeys((input: string, key: Key) => {
    if (a.helpShown) {
      if (input === "?" || key.escape) a.toggleHelp();
      return;
    }
    if (a.phase === "form") {
      if (key.escape) return a.back();
      if (key.tab) return a.moveFocus(key.shift ? -1 : 1);
      if (key.downArrow) return a.moveFocus(1);
      if (key.upArrow) return a.moveFocus(-1);
      if (a.focus !== FRAMEWORK_ROW) return;
      if (key.leftArrow || input === "h") return a.cycleFramework(-1);
      if (key.rightArrow || input === "l" || input === " ") return a.cycleFramework(1);
      if (key.return) return a.confirmFramework();
      if (input === "?") return a.toggleHelp();
      if (input === "q") return a.quit();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (input === "q") return a.quit();
    if (a.phase === "running") {
      if (input === "s" || key.escape) a.stop();
      return;
    }
    if (key.escape) return a.back();
    if (input === "n") return a.again();
    const step = lineStep(input, key);
    if (step !== undefined) return a.scroll(step);
  });
}
