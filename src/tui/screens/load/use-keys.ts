import type { Key } from "ink";
import { splitInput } from "../../kit/split-input.js";
import { useKeys } from "../../kit/use-keys.js";

export interface LoadKeyActions {
  phase: "form" | "running" | "done";
  helpShown: boolean;
  toggleHelp(): void;
  back(): void;
  nextField(): void;
  /** q: while running, stop and leave once the summary is ready; afterwards, leave. */
  quit(): void;
  /** + / -: widen or narrow the charts' time window. */
  zoom(delta: 1 | -1): void;
  scroll(delta: number): void;
}

/** The load screen's keys (its only useInput). In the form, text inputs own the keyboard except Esc and Tab. */
export function useLoadKeys(a: LoadKeyActions) {
  useKeys((chunk, rawKey) => {
    for (const [input, key] of splitInput(chunk, rawKey)) handle(input, key);
  });
  function handle(input: string, key: Key) {
    if (a.phase === "form") {
      if (key.escape) return a.back();
      if (key.tab || key.downArrow) return a.nextField();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (key.escape) return a.helpShown ? a.toggleHelp() : a.back();
    if (input === "q") return a.quit();
    if (input === "+" || input === "=") return a.zoom(1);
    if (input === "-" || input === "_") return a.zoom(-1);
    if (a.phase === "done") {
      if (key.upArrow || input === "k") return a.scroll(-1);
      if (key.downArrow || input === "j") return a.scroll(1);
      if (key.pageUp) return a.scroll(-10);
      if (key.pageDown) return a.scroll(10);
    }
  }
}
