import { useKeys } from "../../kit/use-keys.js";

/** The two-pane results view (profiles + detail); absent on the transcript picker. */
export interface DecidePanes {
  focus: "profiles" | "detail";
  /** The decision is computed; until then only help, quit and back work. */
  ready: boolean;
}

export interface DecideKeyState {
  help: boolean;
  panes?: DecidePanes;
}

export interface DecideKeyActions {
  toggleHelp(): void;
  quit(): void;
  /** Esc: leave the detail pane, else go back a screen. */
  back(): void;
  /** Move the list selection (transcripts or profiles). */
  move(delta: number): void;
  /** Enter on the list (and → / l in the results view): open the transcript, or the detail pane. */
  open(): void;
  /** Scroll the detail pane by lines (Infinity = to the end). */
  scroll?(delta: number): void;
  /** Jump to the next (1) or previous (-1) section of the detail pane. */
  section?(direction: 1 | -1): void;
  /** Tab: switch between the profiles and the detail pane. */
  switchPane?(): void;
}

const PAGE = 10;

/** The one useInput of the decide screens: the transcript picker and the decision results. */
export function useDecideKeys(state: DecideKeyState, a: DecideKeyActions) {
  useKeys((input, key) => {
    if (key.ctrl) return;
    if (state.help) {
      if (input === "?" || key.escape) a.toggleHelp();
      else if (input === "q") a.quit();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (input === "q") return a.quit();
    if (key.escape) return a.back();
    const panes = state.panes;
    if (panes) {
      if (!panes.ready) return;
      if (key.tab) return a.switchPane?.();
      if (input === "]") return a.section?.(1);
      if (input === "[") return a.section?.(-1);
      if (key.pageDown || input === " ") return a.scroll?.(PAGE);
      if (key.pageUp) return a.scroll?.(-PAGE);
      if (input === "g" || key.home) return a.scroll?.(Number.NEGATIVE_INFINITY);
      if (input === "G" || key.end) return a.scroll?.(Number.POSITIVE_INFINITY);
      if (panes.focus === "detail") {
        if (key.upArrow || input === "k") return a.scroll?.(-1);
        if (key.downArrow || input === "j") return a.scroll?.(1);
        if (key.rightArrow || input === "l") return a.section?.(1);
        if (key.leftArrow || input === "h") return a.section?.(-1);
        return;
      }
    }
    if (key.upArrow || input === "k") return a.move(-1);
    if (key.downArrow || input === "j") return a.move(1);
    if (key.return || (panes && (key.rightArrow || input === "l"))) return a.open();
  });
}
