import { useInput } from "ink";

export interface DecideKeyActions {
  toggleHelp(): void;
  quit(): void;
  back(): void;
  move(delta: number): void;
  open(): void;
}

/** The one useInput of the transcript picker ("decide" on the home menu). */
export function useDecideKeys(help: boolean, a: DecideKeyActions) {
  useInput((input, key) => {
    if (key.ctrl) return;
    if (help) {
      if (input === "?" || key.escape) a.toggleHelp();
      else if (input === "q") a.quit();
      return;
    }
    if (input === "?") return a.toggleHelp();
    if (input === "q") return a.quit();
    if (key.escape) return a.back();
    if (key.upArrow || input === "k") return a.move(-1);
    if (key.downArrow || input === "j") return a.move(1);
    if (key.return) return a.open();
  });
}
