import { Box, Text, useWindowSize } from "ink";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RenameCandidate, SchemaChange } from "../../engine/schema/index.js";
import { detailLines, SchemaChangeDetail } from "../components/schema-change-detail.js";
import { ScreenFrame } from "../components/screen-frame.js";
import { Tree, type TreeRowLook } from "../components/tree.js";
import {
  ancestorIds,
  filterTree,
  findNext,
  parentIds,
  type TreeRow,
  visibleRows,
} from "../components/tree-model.js";
import { useSchemaDiffKeys } from "../hooks/use-schema-diff-keys.js";
import { type ScreenProps, useInterruptHandler } from "../navigation.js";
import { glyph, tone } from "../theme.js";
import {
  buildDiffTree,
  type DiffNodeData,
  kindLabel,
  nodeMark,
  renameNotes,
  tally,
  upHazardCount,
} from "./schema-diff-model.js";
import { type DiffSides, loadSchemaDiff, writeSchemaMigration } from "./schema-diff-source.js";

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
  { key: "w", label: "write" },
  { key: "?", label: "help" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  { key: "↑↓ / j k", label: "move in the tree (scroll in the detail pane)" },
  { key: "Enter / →", label: "open a node, or look at its detail" },
  { key: "Esc / ←", label: "close a node or go to its parent (Esc at the top: back)" },
  { key: "n / N", label: "next / previous change" },
  { key: "/", label: "filter by name (Enter keeps it, Esc clears it)" },
  { key: "Tab", label: "switch between the tree and the detail pane" },
  { key: "w", label: "write the migration (up and down) to the output folder" },
  { key: "?", label: "this help" },
  { key: "q", label: "quit" },
];

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

type Loaded =
  | { phase: "loading"; step: string }
  | { phase: "ready"; changes: SchemaChange[]; sides: DiffSides; renames: RenameCandidate[] }
  | { phase: "failed"; message: string; hint?: string };

export function SchemaDiffScreen({ nav, params = {} }: ScreenProps<SchemaDiffParams>) {
  const { columns, rows } = useWindowSize();
  const [loaded, setLoaded] = useState<Loaded>(() =>
    params.changes
      ? { phase: "ready", changes: params.changes, sides: sidesOf(params), renames: [] }
      : { phase: "loading", step: "starting" },
  );
  const abortRef = useRef<AbortController | undefined>(undefined);
  const [frame, setFrame] = useState(0);
  const [help, setHelp] = useState(false);
  const [focus, setFocus] = useState<"tree" | "detail">("tree");
  // Until the user opens or closes something, every schema is open.
  const [opened, setExpanded] = useState<ReadonlySet<string> | undefined>();
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [filter, setFilter] = useState("");
  const [filtering, setFiltering] = useState(false);
  const [scroll, setScroll] = useState(0);
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | undefined>();
  const written = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (params.changes) return;
    const controller = new AbortController();
    abortRef.current = controller;
    loadSchemaDiff(params, controller.signal, (step) => setLoaded({ phase: "loading", step })).then(
      (result) => {
        if (!controller.signal.aborted) setLoaded({ phase: "ready", ...result });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const e = error as { message?: string; hint?: string };
        setLoaded({ phase: "failed", message: e.message ?? String(error), hint: e.hint });
      },
    );
    return () => controller.abort(new Error("left the screen"));
  }, [params]);

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
    }, [loaded.phase]),
  );

  const changes = loaded.phase === "ready" ? loaded.changes : [];
  const renames = loaded.phase === "ready" ? loaded.renames : [];
  const tree = useMemo(() => buildDiffTree(changes), [changes]);
  const expanded = useMemo(() => opened ?? new Set(tree.map((n) => n.id)), [opened, tree]);
  const shownTree = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const openIds = useMemo(
    () => (filter.trim() ? new Set(parentIds(shownTree)) : expanded),
    [filter, shownTree, expanded],
  );
  const treeRows = useMemo(() => visibleRows(shownTree, openIds), [shownTree, openIds]);
  const found = treeRows.findIndex((r) => r.node.id === selectedId);
  const selected = Math.max(found, 0);
  const current = treeRows[selected];

  // Layout: side by side from 100 columns, stacked below that. One line each for pane titles and the message.
  const wide = columns >= 100;
  const body = Math.max(4, rows - 3);
  const treeWidth = wide ? Math.floor(columns * 0.4) : columns;
  const detailWidth = wide ? columns - treeWidth - 2 : columns;
  const treeHeight = wide ? body - 1 : Math.max(3, Math.floor(body * 0.4) - 1);
  const detailHeight = wide ? body - 1 : body - treeHeight - 2;
  const lines = useMemo(
    () =>
      detailLines(
        current?.node.data,
        detailWidth,
        current ? renameNotes(current.node.data, renames) : [],
      ),
    [current, detailWidth, renames],
  );
  const maxScroll = Math.max(0, lines.length - detailHeight);

  const select = (id: string | undefined) => {
    setSelectedId(id);
    setScroll(0);
  };
  const summary = () => {
    const base = `schema diff: ${changes.length} change${changes.length === 1 ? "" : "s"}${changes.length ? ` (${tally(changes)})` : ""}`;
    return written.current ? `${base}; migration written to ${written.current}` : base;
  };

  useSchemaDiffKeys(
    { phase: loaded.phase, help, filtering, focus },
    {
      toggleHelp: () => setHelp((h) => !h),
      quit: () => {
        abortRef.current?.abort(new Error("quit"));
        nav.quit({ summary: loaded.phase === "ready" ? summary() : undefined });
      },
      back: () => {
        if (filter) {
          setFilter("");
          return;
        }
        abortRef.current?.abort(new Error("back"));
        nav.back();
      },
      move: (delta) => {
        const next = Math.max(0, Math.min(treeRows.length - 1, selected + delta));
        select(treeRows[next]?.node.id);
      },
      open: () => {
        if (!current) return;
        if (current.node.children.length > 0 && !current.expanded) {
          setExpanded(new Set([...expanded, current.node.id]));
        } else if (current.node.children.length > 0) {
          select(current.node.children[0]?.id);
        } else setFocus("detail");
      },
      close: () => {
        if (!current) return false;
        if (current.expanded && !filter.trim()) {
          setExpanded(new Set([...expanded].filter((id) => id !== current.node.id)));
          return true;
        }
        if (current.parentId) {
          select(current.parentId);
          return true;
        }
        return false;
      },
      nextChange: (direction) => {
        const target = findNext(
          shownTree,
          current?.node.id,
          direction,
          (n) => n.data.change !== undefined,
        );
        if (!target) return;
        const path = ancestorIds(shownTree, target.id);
        setExpanded(new Set([...expanded, ...path]));
        select(target.id);
      },
      switchPane: () => setFocus((f) => (f === "tree" ? "detail" : "tree")),
      scrollDetail: (delta) => setScroll((s) => Math.max(0, Math.min(maxScroll, s + delta))),
      startFilter: () => {
        setFiltering(true);
        setFocus("tree");
      },
      typeFilter: (text) => setFilter((f) => f + text),
      eraseFilter: () => setFilter((f) => f.slice(0, -1)),
      endFilter: (keep) => {
        setFiltering(false);
        if (!keep) setFilter("");
      },
      write: () => {
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
    },
  );

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
              text={`Changes ${changes.length}${filter || filtering ? `  /${filter}${filtering ? "_" : ""}` : ""}`}
              width={treeWidth}
            />
            <Tree
              rows={treeRows}
              selected={selected}
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
              text={`Detail${lines.length > detailHeight ? `  ${Math.min(scroll, maxScroll) + 1}-${Math.min(lines.length, scroll + detailHeight)}/${lines.length}` : ""}`}
              width={detailWidth}
            />
            <SchemaChangeDetail
              lines={lines}
              scroll={Math.min(scroll, maxScroll)}
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

function sidesOf(params: SchemaDiffParams): DiffSides {
  if (!params.from && !params.to && !params.changes) {
    return { from: "demo v1", to: "demo v2" };
  }
  return { from: params.from, to: params.to };
}
