/**
 * Colours and glyphs for every screen. With NO_COLOR set, colours are dropped
 * (program.ts (via process-defaults.ts) sets FORCE_COLOR=0 so Ink's chalk agrees); glyphs always carry meaning.
 */
const noColor = () => Boolean(process.env.NO_COLOR);

export type Tone = "accent" | "ok" | "warn" | "bad" | "muted" | "info";

const tones: Record<Tone, string> = {
  accent: "cyan",
  ok: "green",
  warn: "yellow",
  bad: "red",
  muted: "gray",
  info: "blue",
};

/** Colour name for Ink's `color` prop, or undefined when colour is off. */
export function tone(name: Tone): string | undefined {
  return noColor() ? undefined : tones[name];
}

export const glyph = {
  selected: "›",
  unselected: " ",
  added: "+",
  removed: "-",
  changed: "~",
  kill: "✖",
  warn: "!",
  ok: "✔",
  bullet: "•",
  barFull: "█",
  barEmpty: "░",
} as const;
