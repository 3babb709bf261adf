import type { Key } from "ink";
import { fieldStep, lineStep } from "../../kit/key-steps.js";
import { useKeys } from "../../kit/use-keys.js";

export type MigrationsPhase = "form" | "busy" | "error" | "status" | "run" | "lint";

export interface MigrationsKeyActions {
  phase: MigrationsPhase;
  helpShown: boolean;
  /** A dry run with something to apply is on screen: `y` may apply. */
  canConfirm: boolean;
  toggleHelp(): void;
  back(): void;
  quit(): void;
  moveField(delta: number): void;
  stop(): void;
  move(delta: number): void;
  dryRun(): void;
  confirm(): void;
  lintSelected(): void;
  lintFolder(): void;
  refresh(): void;
}

/**
 * The migrations screen's one input hook. The form's text fields take typed text themselves.
 * Applying needs two deliberate steps: `a` (a dry run, nothing kept), then `y` on its result.
 */
export function useMigrationsKeys(a: MigrationsKeyActions): void {
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
    if (a.phase === "busy") {
      if (input === "s" || key.escape) a.stop();
      return;
    }
    if (key.escape) return a.back();
    const step = lineStep(input, key);
    if (step !== undefined) return a.move(step);
    if (a.phase === "run" && input === "y" && a.canConfirm) return a.confirm();
    if (a.phase !== "status") return;
    if (input === "a") return a.dryRun();
    if (input === "l") return a.lintSelected();
    if (input === "L") return a.lintFolder();
    if (input === "r") return a.refresh();
  });
}
