import type { Key } from "ink";

/**
 * The moves every list and scrolling pane shares: ↑↓ or k/j one line, PgUp/PgDn (and space) a page.
 * Returns the step the key asks for, or undefined when the key is not a move.
 */
export function lineStep(input: string, key: Key, page = 10): number | undefined {
  if (key.upArrow || input === "k") return -1;
  if (key.downArrow || input === "j") return 1;
  if (key.pageUp) return -page;
  if (key.pageDown || input === " ") return page;
  return undefined;
}

/** In a form: Tab or ↓ to the next field, Shift+Tab or ↑ to the previous one; undefined otherwise. */
export function fieldStep(key: Key): number | undefined {
  if (key.tab || key.downArrow) return key.shift ? -1 : 1;
  if (key.upArrow) return -1;
  return undefined;
}
