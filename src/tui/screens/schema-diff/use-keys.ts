import type { Key } from "ink";
import { useKeys } from "../../kit/use-keys.js";

export interface SchemaDiffKeyState {
  phase: "loading" | "ready" | "failed";
  help: boolean;
  /** The `/` prompt is open and typed keys go into the filter. */
  filtering: boolean;
  focus: "tree" | "detail";
}

export interface SchemaDiffKeyActions {
  toggleHelp(): void;
  quit(): void;
  /** Esc with nothing else to close: stop loading / leave the screen. */
  back(): void;
  move(delta: number): void;
  /** Enter or →: open the node, or look at its detail when it has no children. */
  open(): void;
  /** Esc or ←: close the node, or go to its parent. Returns false when there is nowhere to go. */
  close(): boolean;
  nextChange(direction: 1 | -1): void;
  switchPane(): void;
  scrollDetail(delta: number): void;
  startFilter(): void;
  typeFilter(text: string): void;
  eraseFilter(): void;
  endFilter(keep: boolean): void;
  write(): void;
  /** `u`: show or hide the objects that did not change. */
  toggleUnchanged(): void;
}

const PAGE = 10;

/**
 * The one useInput of the schema-diff browser. `current` is read on every key, so keys that arrive
 * before the next frame still see what the previous key changed. Several plain keys read in one chunk
 * (a held `j`, `nnn` typed fast) count one by one; while filtering, the chunk is text.
 */
export function useSchemaDiffKeys(current: () => SchemaDiffKeyState, a: SchemaDiffKeyActions) {
  useKeys((input, key) => {
    if (key.ctrl) return;
    const special = key.meta || key.return || key.escape || key.tab || key.backspace || key.delete;
    if (input.length > 1 && !special && !current().filtering) {
      for (const ch of input) {
        if (ch === "\r") handleKey(current(), a, "", { ...key, return: true });
        else if (ch === "\t") handleKey(current(), a, "", { ...key, tab: true });
        else handleKey(current(), a, ch, key);
      }
      return;
    }
    handleKey(current(), a, input, key);
  });
}

function handleKey(state: SchemaDiffKeyState, a: SchemaDiffKeyActions, input: string, key: Key) {
  if (state.help) {
    if (input === "?" || key.escape) a.toggleHelp();
    else if (input === "q") a.quit();
    return;
  }
  if (state.filtering) {
    if (key.return) return a.endFilter(true);
    if (key.escape) return a.endFilter(false);
    if (key.backspace || key.delete) return a.eraseFilter();
    if (key.upArrow) return a.move(-1);
    if (key.downArrow) return a.move(1);
    if (input && !key.meta && !key.tab) a.typeFilter(input);
    return;
  }
  if (input === "?") return a.toggleHelp();
  if (input === "q") return a.quit();
  if (state.phase !== "ready") {
    if (key.escape) a.back();
    return;
  }
  if (key.tab) return a.switchPane();
  if (input === "n") return a.nextChange(1);
  if (input === "N") return a.nextChange(-1);
  if (input === "w") return a.write();
  if (input === "u") return a.toggleUnchanged();
  if (input === "/") return a.startFilter();
  if (state.focus === "detail") {
    if (key.upArrow || input === "k") return a.scrollDetail(-1);
    if (key.downArrow || input === "j") return a.scrollDetail(1);
    if (key.pageUp) return a.scrollDetail(-PAGE);
    if (key.pageDown || input === " ") return a.scrollDetail(PAGE);
    if (key.escape || key.leftArrow) return a.switchPane();
    return;
  }
  if (key.upArrow || input === "k") return a.move(-1);
  if (key.downArrow || input === "j") return a.move(1);
  if (key.pageUp) return a.move(-PAGE);
  if (key.pageDown) return a.move(PAGE);
  if (key.return || key.rightArrow || input === "l") return a.open();
  if (key.leftArrow || input === "h") {
    a.close();
    return;
  }
  if (key.escape && !a.close()) a.back();
}
