import { Box, Text } from "ink";
import type { PlannedStatement } from "../../../engine/schema/index.js";
import { glyph, type Tone, tone } from "../../kit/theme.js";
import {
  CHANGE_MARK,
  type DiffNodeData,
  kindLabel,
  qualifiedName,
  tally,
  upHazardCount,
} from "./model.js";

export interface DetailLine {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

/**
 * Everything the detail pane shows for one tree node, already wrapped to `width` columns:
 * before/after definitions, the up and down statements and their hazards; for a parent, the changes below.
 */
export function detailLines(
  data: DiffNodeData | undefined,
  width: number,
  notes: string[] = [],
): DetailLine[] {
  if (!data) return [{ text: "Select a change on the left.", tone: "muted" }];
  const out: DetailLine[] = [];
  const push: Push = (text, style = {}, indent = 0) => {
    for (const line of wrap(text, width, indent)) out.push({ text: line, ...style });
  };
  const change = data.change;
  const mark = change ? CHANGE_MARK[change.change] : { mark: glyph.changed, tone: "warn" as Tone };
  push(`${mark.mark} ${kindLabel(data.kind)} ${qualifiedName(data)}`, {
    bold: true,
    tone: mark.tone,
  });
  const below = change ? data.changes.slice(1) : data.changes;
  if (change) {
    push(change.change, { tone: "muted" });
    for (const note of notes) push(`${glyph.warn} ${note}`, { tone: "info" });
    section(push, "before", change.before);
    section(push, "after", change.after);
    statements(push, "up", change.up);
    statements(push, "down", change.down);
  }
  if (below.length > 0) {
    out.push({ text: "" });
    push(`${below.length} change${below.length === 1 ? "" : "s"} below (${tally(below)})`, {
      bold: true,
    });
    for (const c of below) {
      const m = CHANGE_MARK[c.change];
      const hazards = upHazardCount(c);
      const name = c.table && c.table !== data.name ? `${c.table}.${c.name}` : c.name;
      const flag =
        hazards > 0 ? `  ${glyph.warn} ${hazards} hazard${hazards === 1 ? "" : "s"}` : "";
      out.push({
        text: cut(`  ${m.mark} ${kindLabel(c.kind)} ${name}${flag}`, width),
        tone: m.tone,
      });
    }
  }
  if (!change && below.length === 0) push("No changes here.", { tone: "muted" });
  return out;
}

type Push = (text: string, style?: Omit<DetailLine, "text">, indent?: number) => void;

function section(push: Push, title: string, text: string | undefined) {
  if (text === undefined) return;
  push("");
  push(title, { bold: true });
  push(text, {}, 2);
}

function statements(push: Push, direction: "up" | "down", list: PlannedStatement[]) {
  push("");
  if (list.length === 0) {
    push(`${direction}: no statements`, { bold: true });
    return;
  }
  push(`${direction} (${list.length} statement${list.length === 1 ? "" : "s"})`, { bold: true });
  for (const s of list) {
    push(s.sql, {}, 2);
    if (!s.transactional) push("runs outside a transaction block", { tone: "muted" }, 4);
    for (const h of s.hazards) {
      push(`${glyph.warn} ${h.kind}: ${h.message}`, { tone: hazardTone(h.kind) }, 4);
    }
  }
}

function hazardTone(kind: string): Tone {
  return kind === "data-loss" || kind === "irreversible" ? "bad" : "warn";
}

/**
 * Split on newlines, then break each line to fit `width` at a word boundary (the last space, else
 * after a comma or parenthesis; a word is cut only when it alone is wider than the line), indenting
 * every piece by `indent` and the continuation pieces of a broken line by two more.
 */
export function wrap(text: string, width: number, indent = 0): string[] {
  const pad = " ".repeat(Math.min(indent, Math.max(0, width - 12)));
  const hang = `${pad}  `;
  const out: string[] = [];
  for (const raw of text.replace(/\t/g, "  ").split(/\r?\n/)) {
    let line = raw.trimEnd();
    if (line === "") {
      out.push("");
      continue;
    }
    let prefix = pad;
    while (line.length > width - prefix.length) {
      const room = Math.max(1, width - prefix.length);
      let at = line.lastIndexOf(" ", room);
      if (at <= 0)
        at = Math.max(line.lastIndexOf(",", room - 1), line.lastIndexOf("(", room - 1)) + 1;
      if (at <= 0) at = room;
      out.push(prefix + line.slice(0, at));
      line = line.slice(at).replace(/^ +/, "");
      prefix = hang;
    }
    out.push(prefix + line);
  }
  return out;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The detail pane: a window of `height` lines starting at `scroll`. */
export function SchemaChangeDetail({
  lines,
  scroll,
  width,
  height,
}: {
  lines: DetailLine[];
  scroll: number;
  width: number;
  height: number;
}) {
  const shown = lines.slice(scroll, scroll + height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((line, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
          key={scroll + i}
          wrap="truncate-end"
          bold={line.bold}
          color={line.tone ? tone(line.tone) : undefined}
        >
          {line.text === "" ? " " : line.text}
        </Text>
      ))}
    </Box>
  );
}
