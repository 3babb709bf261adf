import { Box, Text, useWindowSize } from "ink";
import { useCallback, useState } from "react";
import type { Finding } from "../../../engine/schema/index.js";
import { ChoiceList } from "../../kit/choice-list.js";
import { FieldForm, type FormField } from "../../kit/field-form.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { ScrollLines } from "../../kit/scroll-lines.js";
import { ScrollList } from "../../kit/scroll-list.js";
import { glyph, type Tone, tone } from "../../kit/theme.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import { findingLines } from "./finding-lines.js";
import { useAnalyzeRun } from "./use-analyze.js";
import { type DatabasePhase, useDatabaseKeys } from "./use-keys.js";

type Task = "analyze" | "compare" | "migrations" | "demo";

const TASKS = [
  { value: "analyze", label: "Analyze a database: findings and the SQL that fixes them" },
  { value: "compare", label: "Compare two schemas: browse the diff, write the migration" },
  {
    value: "migrations",
    label: "Migration status: applied, pending, drifted; dry run, apply; lint",
  },
  { value: "demo", label: "Browse the demo diff (embedded PostgreSQL, no server needed)" },
];

const FORMS: Record<"analyze" | "compare", FormField[]> = {
  analyze: [
    {
      key: "spec",
      label: "Database",
      placeholder: "postgres://…, a .sql file or a migrations folder (blank: DATABASE_URL)",
    },
  ],
  compare: [
    {
      key: "from",
      label: "From",
      placeholder: "postgres://…, .sql, migrations folder or snapshot",
    },
    { key: "to", label: "To", placeholder: "the schema to reach" },
    { key: "output", label: "Migrations", placeholder: "migrations/" },
  ],
};

const KEYS: Record<DatabasePhase, Array<{ key: string; label: string }>> = {
  menu: [
    { key: "↑↓/jk", label: "move" },
    { key: "Enter", label: "open" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  form: [
    { key: "Enter", label: "next/start" },
    { key: "Tab", label: "field" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  running: [
    { key: "s/Esc", label: "stop" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  results: [
    { key: "↑↓/jk", label: "finding" },
    { key: "Tab", label: "fix SQL" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
};

const HELP = [
  { key: "↑↓ / j k", label: "move (in the detail pane: scroll)" },
  { key: "Enter", label: "open; in a form, next field, then start" },
  { key: "Tab", label: "next field / switch between findings and the fix" },
  { key: "s / Esc", label: "stop a running analysis" },
  { key: "Esc", label: "back" },
  { key: "q / Ctrl+C", label: "quit" },
];

const MARK: Record<Finding["severity"], { mark: string; tone: Tone }> = {
  error: { mark: glyph.kill, tone: "bad" },
  warning: { mark: glyph.warn, tone: "warn" },
  info: { mark: "i", tone: "info" },
};

/** Database tools: analyze a database, compare two schemas (the schema-diff browser), the demo. */
export function DatabaseScreen({ nav }: ScreenProps) {
  const { columns, rows } = useWindowSize();
  const [task, setTask] = useState<Task>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [field, setField] = useState(0);
  const [formError, setFormError] = useState<string>();
  const [target, setTarget] = useState<{ spec: string }>();
  const [help, setHelp] = useState(false);
  const [selected, setSelected] = useState(0);
  const [pane, setPane] = useState<"list" | "detail">("list");
  const [detailOffset, setDetailOffset] = useState(0);
  const { progress, stop } = useAnalyzeRun(target);
  const phase: DatabasePhase =
    task === undefined || task === "demo" || task === "migrations"
      ? "menu"
      : !target
        ? "form"
        : progress.phase === "running"
          ? "running"
          : "results";
  const findings = progress.result?.findings ?? [];
  const fields = task === "compare" ? FORMS.compare : FORMS.analyze;

  useInterruptHandler(useCallback(() => stop(), [stop]));

  const pick = (value: string) => {
    if (value === "demo") return nav.open("schema-diff");
    if (value === "migrations") return nav.open("migrations");
    setTask(value as Task);
    setField(0);
    setFormError(undefined);
  };
  const submit = () => {
    if (task === "analyze") {
      setSelected(0);
      setDetailOffset(0);
      setPane("list");
      return setTarget({ spec: values.spec ?? "" });
    }
    const from = values.from?.trim();
    const to = values.to?.trim();
    if (!from || !to) {
      setField(from ? 1 : 0);
      return setFormError("give both sides: the schema you have (From) and the one to reach (To)");
    }
    nav.open("schema-diff", { from, to, output: values.output?.trim() || undefined });
  };

  const bodyHeight = Math.max(6, rows - 3);
  const listHeight = Math.max(3, Math.min(findings.length || 1, Math.floor(bodyHeight * 0.4)));
  const detailHeight = Math.max(2, bodyHeight - listHeight - 2);
  const detail = findingLines(findings[selected], columns);
  const maxOffset = Math.max(0, detail.length - detailHeight);

  useDatabaseKeys({
    phase,
    helpShown: help,
    toggleHelp: () => setHelp((h) => !h),
    back: () => {
      if (phase === "menu") return nav.back();
      if (phase === "results") return setTarget(undefined);
      setTask(undefined);
    },
    quit: () => nav.quit(),
    moveField: (d) => setField((f) => (f + d + fields.length) % fields.length),
    stop: () => void stop(),
    move: (d) => {
      if (pane === "detail") return setDetailOffset((o) => Math.max(0, Math.min(maxOffset, o + d)));
      setSelected((s) => Math.max(0, Math.min(findings.length - 1, s + d)));
      setDetailOffset(0);
    },
    switchPane: () => setPane((p) => (p === "list" ? "detail" : "list")),
  });

  const result = progress.result;
  const status =
    phase === "results" && result
      ? `${result.counts.error} errors · ${result.counts.warning} warnings · ${result.counts.info} info`
      : undefined;
  return (
    <ScreenFrame
      title="database"
      status={status}
      keys={KEYS[phase]}
      helpKeys={HELP}
      showHelp={help}
    >
      {phase === "menu" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text>What do you want to do with a database?</Text>
          <Box marginTop={1}>
            <ChoiceList choices={TASKS} focused={!help} onPick={pick} />
          </Box>
        </Box>
      ) : phase === "form" ? (
        <Box flexDirection="column" paddingY={1}>
          <FieldForm
            fields={fields}
            values={values}
            focus={field}
            focused={!help}
            onChange={(key, value) => {
              setValues((v) => ({ ...v, [key]: value }));
              setFormError(undefined);
            }}
            onEnter={(i) => (i < fields.length - 1 ? setField(i + 1) : submit())}
          />
          <Box marginTop={1}>
            <Text color={formError ? tone("bad") : tone("muted")} wrap="wrap">
              {formError ??
                (task === "compare"
                  ? "Opens the schema-diff browser; w there writes the up/down migration."
                  : "Enter starts. Passwords are never shown.")}
            </Text>
          </Box>
        </Box>
      ) : phase === "running" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text wrap="truncate-end">
            Analyzing… {progress.total ? `${progress.index}/${progress.total} ` : ""}
            {progress.step}
          </Text>
          <Text color={tone("muted")}>s or Esc stops.</Text>
        </Box>
      ) : result ? (
        <Box flexDirection="column">
          <Text color={tone("muted")} wrap="truncate-end">
            {result.database}
            {result.schemaOnly ? " (schema only: usage-statistics checks skipped)" : ""}
          </Text>
          <ScrollList
            items={findings}
            selected={selected}
            height={listHeight}
            width={columns}
            focused={pane === "list"}
            look={(f) => ({
              mark: MARK[f.severity].mark,
              markTone: MARK[f.severity].tone,
              label: `${f.title}  ${f.object}`,
            })}
          />
          <Text color={tone("muted")}>{"─".repeat(Math.max(0, columns - 1))}</Text>
          <ScrollLines
            lines={detail}
            offset={Math.min(detailOffset, maxOffset)}
            height={detailHeight}
            width={columns}
          />
        </Box>
      ) : (
        <Box flexDirection="column" paddingY={1}>
          <Text color={tone("bad")} wrap="wrap">
            error: {progress.error}
          </Text>
          {progress.hint ? (
            <Text color={tone("muted")} wrap="wrap">
              hint: {progress.hint}
            </Text>
          ) : null}
          <Text color={tone("muted")}>Esc goes back, q quits.</Text>
        </Box>
      )}
    </ScreenFrame>
  );
}
