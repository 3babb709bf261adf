import type { Key } from "ink";
import { type MutableRefObject, useRef, useState } from "react";
import { splitInput } from "../../kit/split-input.js";
import { useKeys } from "../../kit/use-keys.js";
import { type Navigator, useScreenMemory } from "../../navigation.js";

/**
 * Home screen keys: ↑↓/j/k move, Enter opens, ? help, Esc closes help, q quits.
 * The selection lives in a ref as well as in state, so keys that arrive together (a held arrow,
 * "jjj" in one read) each move one step instead of all reading the same stale index.
 */
export function useHomeKeys(nav: Navigator, items: Array<{ id: string }>) {
  // Back from a tool, the menu is where the user left it.
  const memory = useScreenMemory();
  const kept = Math.min(Number(memory.get("selected") ?? 0), Math.max(0, items.length - 1));
  const [selected, setSelected] = useState(kept);
  const [help, setHelp] = useState(false);
  const ref: MutableRefObject<{ selected: number; help: boolean }> = useRef({
    selected: kept,
    help: false,
  });

  const move = (delta: number) => {
    const next = Math.min(Math.max(0, ref.current.selected + delta), Math.max(0, items.length - 1));
    ref.current.selected = next;
    memory.set("selected", next);
    setSelected(next);
  };
  const toggleHelp = () => {
    ref.current.help = !ref.current.help;
    setHelp(ref.current.help);
  };
  const handle = (input: string, key: Key) => {
    if (input === "?") return toggleHelp();
    if (key.escape && ref.current.help) return toggleHelp();
    if (input === "q") return nav.quit();
    if (ref.current.help) return;
    if (key.upArrow || input === "k") return move(-1);
    if (key.downArrow || input === "j") return move(1);
    const item = items[ref.current.selected];
    if (key.return && item) nav.open(item.id);
  };

  useKeys((chunk, rawKey) => {
    for (const [input, key] of splitInput(chunk, rawKey)) handle(input, key);
  });
  return { selected, help, toggleHelp };
}
