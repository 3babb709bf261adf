import { useInput } from "ink";

export interface DecisionKeyState {
  help: boolean;
  focus: "profiles" | "detail";
  ready: boolean;
}

export interface DecisionKeyActions {
  toggleHelp(): void;
  quit(): void;
  /** Esc: leave the detail pane, else go back a screen. */
  back(): void;
  /** Move the profile selection. */
  move(delta: number): void;
  /** Scroll the detail pane by lines (Infinity = to the end). */
  scroll(delta: number): void;
  /** Jump to the next (1) or previous (-1) section of the detail pane. */
  section(direction: 1 | -1): void;
  switchPane(): void;
}

const PAGE = 10;

/** The one useInput of the decision (results) screen. */
export function useDecisionKeys(state: DecisionKeyState, a: DecisionKeyActions) {
  useInput((input, key) => {
    if (key.ctrl) return;
    if (state.help) {
      if (input === "?" || key.escape) a.toggleHelp();
      else if (input === "q") a.quit();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (input === "q") return a.quit();
    if (key.escape) return a.back();
    if (!state.ready) return;
    if (key.tab) return a.switchPane();
    if (input === "]") return a.section(1);
    if (input === "[") return a.section(-1);
    if (key.pageDown || input === " ") return a.scroll(PAGE);
    if (key.pageUp) return a.scroll(-PAGE);
    if (input === "g" || key.home) return a.scroll(Number.NEGATIVE_INFINITY);
    if (input === "G" || key.end) return a.scroll(Number.POSITIVE_INFINITY);
    if (state.focus === "detail") {
      if (key.upArrow || input === "k") return a.scroll(-1);
      if (key.downArrow || input === "j") return a.scroll(1);
      if (key.rightArrow || input === "l") return a.section(1);
      if (key.leftArrow || input === "h") return a.section(-1);
      return;
    }
    if (key.upArrow || input === "k") return a.move(-1);
    if (key.downArrow || input === "j") return a.move(1);
    if (key.return || key.rightArrow || input === "l") return a.switchPane();
  });
}
