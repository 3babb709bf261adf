import type { Key } from "ink";
import { fieldStep, lineStep } from "../../kit/key-steps.js";
import { useKeys } from "../../kit/use-keys.js";

export type DatabasePhase = "menu" | "form" | "running" | "results";

export interface DatabaseKeyActions {
  phase: DatabasePhase;
  helpShown: boolean;
  toggleHelp(): void;
  /** Esc: results/form → menu, menu → leave the screen. */
  back(): void;
  quit(): void;
  /** Tab / ↑↓ between the form's fields. */
  moveField(delta: number): void;
  stop(): void;
  move(delta: number): void;
  switchPane(): void;
}

/**
 * The database screen's one input hook. The menu's choice list and the form's text fields take
 * their own keys (arrows and Enter, typed text); this hook takes the rest.
 */
export function useDatabaseKeys(a: DatabaseKeyActions): void {
  useKeys((input: string, key: Key) => {
    if (a.helpShown) {
      if (input === "?" || key.escape) a.toggleHelp();
      return;
    }
    if (a.phase === "form") {
      if (key.escape) return a.back();
      const field = fieldStep(key);
      if (field !== undefined) a.moveField(field);
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (input === "q") return a.quit();
    if (a.phase === "running") {
      if (input === "s" || key.escape) a.stop();
      return;
    }
    if (key.escape) return a.back();
    if (a.phase !== "results") return;
    if (key.tab || key.return) return a.switchPane();
    const step = lineStep(input, key);
    if (step !== undefined) return a.move(step);
  });
}
