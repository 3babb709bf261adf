import { Box, Text, useWindowSize } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { SchemaChange } from "../../../engine/schema/index.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { glyph, tone } from "../../kit/theme.js";
import { Tree, type TreeRowLook } from "../../kit/tree.js";
import type { TreeRow } from "../../kit/tree-model.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import {
  type BrowseState,
  browseView,
  close,
  endFilter,
  initialBrowse,
  move,
  nextChange,
  open,
  scrollBy,
} from "./browse.js";
import { detailLines, SchemaChangeDetail } from "./change-detail.js";
import {
  buildDiffTree,
  type DiffNodeData,
  kindLabel,
  nodeMark,
  renameNotes,
  tally,
  upHazardCount,
} from "./model.js";
import { countDestructive, writeSchemaMigration } from "./source.js";
import { useSchemaDiffKeys } from "./use-keys.js";
import { sidesOf, useSchemaDiffRun } from "./use-run.js";

export interface SchemaDiffParams {
  /** Source specs (URL, .sql file, migration folder, snapshot .json); both absent = the bundled demo. */
  from?: string;
  to?: string;
  /** A diff already made (tests, other screens): shown as is, nothing is loaded. */
  changes?: SchemaChange[];
  /** Where `w` writes the migration (default `migrations/`). */
  output?: string;
  /** Confirmed renames, as `--rename` takes them (`users.mail=email`). */
  renames?: string[];
  /** --schema / --exclude-schema. */
  schemas?: string[];
  excludeSchemas?: string[];
}

const KEYS = [
  { key: "↑↓", label: "move" },
  { key: "Enter/Esc", label: "open/close" },
  { key: "n/N", label: "next change" },
  { key: "/", label: "filter" },
  { key: "?", label: "help" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  { key: "↑↓ / j k", label: "move in the tree (scroll in the detail pane)" },
  { key: "Enter / →", label: "open a node, or look at its detail" },
  { key: "Esc / ←", label: "close a node or go to its parent (Esc at the top: back)" },
  { key: "n / N", label: "next / previous change" },
  { key: "/", label: "filter by name, unchanged objects too (Enter keeps it, Esc clears it)" },
  { key: "u", label: "show or hide the unchanged objects" },
  { key: "Tab", label: "switch between the tree and the detail pane" },
  { key: "w", label: "write the migration (up and down) to the output folder" },
  { key: "?", label: "this help" },
  { key: "q", label: "quit" },
];

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** Opened from the home menu without params: the demo. One object, so the load effect runs once. */
const DEMO: SchemaDiffParams = {};

/** The line printed after the screen closes: the changes, and the migration file when one was written. */
function diffSummary(changes: SchemaChange[], written: string | undefined): string {
  const base = `schema diff: ${changes.length} change${changes.length === 1 ? "" : "s"}${changes.length ? ` (${tally(changes)})` : ""}`;
  return written ? `${base}; migration written to ${written}` : base;
}

export function SchemaDiffScreen({ nav, params = DEMO }: ScreenProps<SchemaDiffParams>) {
  const { columns, rows } = useWindowSize();
  const { loaded, setLoaded, abortRef } = useSchemaDiffRun(params);
  const [frame, setFrame] = useState(0);
  // Browsing state lives outside React: each key starts from what the previous key left,
  // even when keys arrive faster than frames.
  const stateRef = useRef<BrowseState>(initialBrowse);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | undefined>();
  const writeArmed = useRef(false);
  const written = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (loaded.phase !== "loading") return;
    const timer = setInterval(() => setFrame((f) => f + 1), 120);
    return () => clearInterval(timer);
  }, [loaded.phase]);

  useInterruptHandler(
    useCallback(() => {
      if (loaded.phase !== "loading") return false;
      abortRef.current?.abort(new Error("interrupted"));
      setLoaded({ phase: "failed", message: "loading stopped (Ctrl+C)" });
      return true;
    }, [loaded.phase, abortRef, setLoaded]),
  );

  const changes = loaded.phase === "ready" ? loaded.changes : [];
  const renames = loaded.phase === "ready" ? loaded.renames : [];
  const target = loaded.phase === "ready" ? loaded.target : undefined;
  const tree = useMemo(() => buildDiffTree(changes, target), [changes, target]);
  const layout = paneLayout(columns, rows);
  const linesFor = (st: BrowseState) => {
    const { current } = browseView(tree, st);
    return detailLines(
      current?.node.data,
      layout.detailWidth,
      current ? renameNotes(current.node.data, renames) : [],
    );
  };
  const apply = (step: (st: BrowseState) => BrowseState) => {
    stateRef.current = step(stateRef.current);
    rerender();
  };
  const summary = () => diffSummary(changes, written.current);
  // Ctrl+C leaves through the App (exit 130), which prints the last summary set: set it once loaded.
  useEffect(() => {
    if (loaded.phase === "ready") nav.setSummary(diffSummary(loaded.changes, written.current));
  }, [loaded, nav]);

  useSchemaDiffKeys(() => ({ phase: loaded.phase, ...stateRef.current }), {
    toggleHelp: () => apply((st) => ({ ...st, help: !st.help })),
    quit: () => {
      abortRef.current?.abort(new Error("quit"));
      nav.quit({ summary: loaded.phase === "ready" ? summary() : undefined });
    },
    back: () => {
      if (stateRef.current.filter) return apply((st) => ({ ...st, filter: "" }));
      abortRef.current?.abort(new Error("back"));
      nav.back();
    },
    move: (delta) => apply((st) => move(tree, st, delta)),
    open: () => apply((st) => open(tree, st)),
    close: () => {
      const next = close(tree, stateRef.current);
      if (next) apply(() => next);
      return next !== undefined;
    },
    nextChange: (direction) => apply((st) => nextChange(tree, st, direction)),
    switchPane: () => apply((st) => ({ ...st, focus: st.focus === "tree" ? "detail" : "tree" })),
    scrollDetail: (delta) =>
      apply((st) => scrollBy(st, delta, Math.max(0, linesFor(st).length - layout.detailHeight))),
    toggleUnchanged: () => apply((st) => ({ ...st, showAll: !st.showAll })),
    startFilter: () => apply((st) => ({ ...st, filtering: true, focus: "tree" })),
    typeFilter: (text) => apply((st) => ({ ...st, filter: st.filter + text })),
    eraseFilter: () => apply((st) => ({ ...st, filter: st.filter.slice(0, -1) })),
    endFilter: (keep) => apply((st) => endFilter(tree, st, keep)),
    write: () => {
      // Destructive changes need a second w: the same guard as --allow-destructive on the command line.
      const destructive = countDestructive(changes);
      if (destructive > 0 && !writeArmed.current) {
        writeArmed.current = true;
        setMessage({
          text: `${glyph.warn} ${destructive} change(s) lose data: press w again to write anyway`,
          bad: true,
        });
        return;
      }
      writeArmed.current = false;
      setMessage({ text: "writing the migration…" });
      writeSchemaMigration(changes, loaded.phase === "ready" ? loaded.sides : {}, params.output)
        .then((path) => {
          written.current = path;
          nav.setSummary(summary());
          setMessage({ text: `${glyph.ok} wrote ${path}` });
        })
        .catch((error: unknown) => {
          const e = error as { message?: string };
          setMessage({ text: `${glyph.kill} ${e.message ?? String(error)}`, bad: true });
        });
    },
  });

  const state = stateRef.current;
  const { filter, filtering, focus, help } = state;
  const view = browseView(tree, state);
  const lines = linesFor(state);
  const { wide, body, treeWidth, detailWidth, treeHeight, detailHeight } = layout;
  const maxScroll = Math.max(0, lines.length - detailHeight);
  const scroll = Math.min(state.scroll, maxScroll);
  const sides = loaded.phase === "ready" ? loaded.sides : sidesOf(params);
  const status = sides.from || sides.to ? `${sides.from ?? "?"} → ${sides.to ?? "?"}` : undefined;
  return (
    <ScreenFrame
      title="schema diff"
      status={status}
      keys={KEYS}
      helpKeys={HELP_KEYS}
      showHelp={help}
      helpNotes={[
        "Marks: + added, - removed, ~ changed, → renamed; ! applying it has hazards.",
        "Parents show how many changes are below them.",
      ]}
    >
      {loaded.phase === "loading" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text>
            <Text color={tone("accent")}>{SPINNER[frame % SPINNER.length]}</Text> {loaded.step}…
          </Text>
          <Text color={tone("muted")}>Esc or Ctrl+C stops.</Text>
        </Box>
      ) : loaded.phase === "failed" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text color={tone("bad")} wrap="wrap">
            error: {loaded.message}
          </Text>
          {loaded.hint ? <Text color={tone("muted")}>hint: {loaded.hint}</Text> : null}
          <Text color={tone("muted")}>Esc goes back, q quits.</Text>
        </Box>
      ) : (
        <Box flexDirection={wide ? "row" : "column"} height={body}>
          <Box flexDirection="column" width={treeWidth}>
            <PaneTitle
              focused={focus === "tree"}
              text={`Changes ${changes.length}${state.showAll ? " + unchanged" : ""}${filter || filtering ? `  /${filter}${filtering ? "_" : ""}` : ""}`}
              width={treeWidth}
            />
            <Tree
              rows={view.rows}
              selected={view.selected}
              width={treeWidth}
              height={treeHeight}
              focused={focus === "tree"}
              look={look}
              empty={filter ? `nothing matches "${filter}"` : "no differences"}
            />
          </Box>
          {wide ? <Box width={2} /> : null}
          <Box flexDirection="column" width={detailWidth}>
            <PaneTitle
              focused={focus === "detail"}
              text={`Detail${lines.length > detailHeight ? `  ${scroll + 1}-${Math.min(lines.length, scroll + detailHeight)}/${lines.length}` : ""}`}
              width={detailWidth}
            />
            <SchemaChangeDetail
              lines={lines}
              scroll={scroll}
              width={detailWidth}
              height={detailHeight}
            />
          </Box>
        </Box>
      )}
      {loaded.phase === "ready" ? (
        <Text wrap="truncate-end" color={message?.bad ? tone("bad") : tone("muted")}>
          {filtering
            ? "filter: type a name, Enter keeps it, Esc clears it"
            : (message?.text ?? `w writes the migration to ${params.output ?? "migrations/"}`)}
        </Text>
      ) : null}
    </ScreenFrame>
  );
}

/** Side by side from 100 columns, stacked below; one line each for pane titles and the message line. */
function paneLayout(columns: number, rows: number) {
  const wide = columns >= 100;
  const body = Math.max(4, rows - 3);
  const treeWidth = wide ? Math.floor(columns * 0.4) : columns;
  const treeHeight = wide ? body - 1 : Math.max(3, Math.floor(body * 0.4) - 1);
  return {
    wide,
    body,
    treeWidth,
    detailWidth: wide ? columns - treeWidth - 2 : columns,
    treeHeight,
    detailHeight: wide ? body - 1 : body - treeHeight - 2,
  };
}

function PaneTitle({ focused, text, width }: { focused: boolean; text: string; width: number }) {
  return (
    <Box width={width}>
      <Text bold={focused} color={focused ? tone("accent") : tone("muted")} wrap="truncate-end">
        {focused ? glyph.selected : " "} {text}
      </Text>
    </Box>
  );
}

function look(row: TreeRow<DiffNodeData>): TreeRowLook {
  const data = row.node.data;
  const mark = nodeMark(data);
  const below = data.change ? data.changes.length - 1 : data.changes.length;
  const parts = [kindLabel(data.kind)];
  if (row.node.children.length > 0) parts.push(`(${below})`);
  if (data.change && upHazardCount(data.change) > 0) parts.push(glyph.warn);
  return { mark: mark.mark, markTone: mark.tone, label: row.node.label, note: parts.join(" ") };
}
