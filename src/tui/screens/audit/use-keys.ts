import type { Key } from "ink";
import { splitInput } from "../../kit/split-input.js";
import { useKeys } from "../../kit/use-keys.js";
import type { Navigator } from "../../navigation.js";

export interface AuditKeyActions {
  nav: Navigator;
  phase: "form" | "running" | "results";
  helpShown: boolean;
  toggleHelp(): void;
  move(delta: number): void;
  switchPane(): void;
  stop(): void;
  quit(): void;
}

/** The audit screen's keys. In the form, text inputs own the keyboard except Esc and Tab. */
export function useAuditKeys(a: AuditKeyActions) {
  useKeys((chunk, rawKey) => {
    for (const [input, key] of splitInput(chunk, rawKey)) handle(input, key);
  });
  function handle(input: string, key: Key) {
    if (a.phase === "form") {
      if (key.escape) a.nav.back();
      else if (key.tab) a.switchPane();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (key.escape) return a.helpShown ? a.toggleHelp() : a.nav.back();
    if (input === "q") return a.quit();
    if (a.phase === "running") {
      if (input === "s") a.stop();
      return;
    }
    if (key.upArrow || input === "k") return a.move(-1);
    if (key.downArrow || input === "j") return a.move(1);
    if (key.pageUp) return a.move(-10);
    if (key.pageDown) return a.move(10);
    if (key.tab || key.return) return a.switchPane();
  }
}
