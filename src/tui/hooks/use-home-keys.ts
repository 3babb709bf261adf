import { useInput } from "ink";
import type { Navigator } from "../navigation.js";

/** Home screen keys: ? help, q quit, Esc closes help. Arrows/j/k/Enter belong to the menu. */
export function useHomeKeys(nav: Navigator, help: { shown: boolean; toggle: () => void }) {
  useInput((input, key) => {
    if (input === "?") return help.toggle();
    if (key.escape && help.shown) return help.toggle();
    if (input === "q") return nav.quit();
  });
}
