import { fieldStep } from "../../kit/key-steps.js";
import { useKeys } from "../../kit/use-keys.js";

/**
 * What the grill screen shows, which decides what the keys do:
 * - `choice`: a list (arrows, j/k and Enter belong to it); ? help, q quit, Esc back one question.
 * - `input`: text or number fields own the keyboard; Tab/↓ and ↑ move between fields, Esc back.
 * - `killed`: a kill criterion stopped the grill; Enter or q leave, Esc back to change the answer.
 * - `complete`: all seven answered; Enter opens the results, q leaves, Esc back.
 */
export type GrillMode = "choice" | "input" | "killed" | "complete";

export interface GrillKeyActions {
  mode: GrillMode;
  helpShown: boolean;
  toggleHelp(): void;
  back(): void;
  quit(): void;
  /** Enter on the kill or completion panel. */
  confirm(): void;
  /** Move between the fields of a numbers turn. */
  moveField(delta: number): void;
}

export function useGrillKeys(a: GrillKeyActions): void {
  useKeys((input, key) => {
    if (a.helpShown) {
      if (input === "?" || key.escape) a.toggleHelp();
      return;
    }
    if (a.mode === "input") {
      if (key.escape) return a.back();
      const field = fieldStep(key);
      if (field !== undefined) a.moveField(field);
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (key.escape) return a.back();
    if (input === "q") return a.quit();
    if (key.return && (a.mode === "killed" || a.mode === "complete")) return a.confirm();
  });
}
