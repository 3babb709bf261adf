import { Box, Text, useWindowSize } from "ink";
import { useCallback, useState } from "react";
import { FieldForm, type FormField } from "../../kit/field-form.js";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { type PaneLine, ScrollLines } from "../../kit/scroll-lines.js";
import { ScrollList } from "../../kit/scroll-list.js";
import { glyph, tone } from "../../kit/theme.js";
import { type ScreenProps, useInterruptHandler } from "../../navigation.js";
import { entryLines, findingLabel, findingLines, runLines, STATE_LOOK } from "./lines.js";
import { type MigrationsPhase, useMigrationsKeys } from "./use-keys.js";
import { type MigrationsTarget, useMigrations } from "./use-migrations.js";

const FIELDS: FormField[] = [
  {
    key: "connection",
    label: "Database",
    placeholder: "postgres://… (blank: DATABASE_URL or PG*)",
  },
  { key: "folder", label: "Migrations", placeholder: "migrations/" },
];

type Hint = { key: string; label: string };
const KEYS: Record<MigrationsPhase, Hint[]> = {
  form: [
    { key: "Enter", label: "next/start" },
    { key: "Tab", label: "field" },
    { key: "Esc", label: "back" },
    { key: "Ctrl+C", label: "quit" },
  ],
  busy: [
    { key: "s/Esc", label: "stop" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  error: [
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  status: [
    { key: "↑↓", label: "move" },
    { key: "a", label: "apply…" },
    { key: "l/L", label: "lint" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  run: [
    { key: "y", label: "apply" },
    { key: "Esc", label: "cancel" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
  lint: [
    { key: "↑↓", label: "finding" },
    { key: "Esc", label: "back" },
    { key: "?", label: "help" },
    { key: "q", label: "quit" },
  ],
};

const HELP: Hint[] = [
  { key: "↑↓ / j k", label: "move; in a result, scroll" },
  { key: "a", label: "dry run of the next pending migration (nothing is kept)" },
  { key: "y", label: "after a dry run: apply every pending migration" },
  { key: "l / L", label: "lint the selected file / the whole folder" },
  { key: "r", label: "read the status again" },
  { key: "s / Esc", label: "stop what is running" },
  { key: "Esc", label: "back" },
  { key: "q / Ctrl+C", label: "quit" },
];

const SUMMARY_NOTE =
  "Applied, pending, partially applied, drifted and missing-file migrations, as `db --status DIR` lists them.";

/** Migration status of a folder against a database; dry run then apply; lint findings with their rule pages. */
export function MigrationsScreen({ nav }: ScreenProps) {
  const { columns, rows } = useWindowSize();
  const [values, setValues] = useState<Record<string, string>>({});
  const [field, setField] = useState(0);
  const [formError, setFormError] = useState<string>();
  const [target, setTarget] = useState<MigrationsTarget>();
  const [help, setHelp] = useState(false);
  const [selected, setSelected] = useState(0);
  const [finding, setFinding] = useState(0);
  const [offset, setOffset] = useState(0);
  const m = useMigrations(target);
  const { state } = m;
  const entries = state.status?.migrations ?? [];
  const findings = state.lint?.findings ?? [];
  const pending =
    (state.status?.counts.pending ?? 0) + (state.status?.counts["partially-applied"] ?? 0);

  const phase: MigrationsPhase = !target
    ? "form"
    : state.busy
      ? "busy"
      : state.error
        ? "error"
        : state.lint
          ? "lint"
          : state.run
            ? "run"
            : state.status
              ? "status"
              : "busy";
  const canConfirm = phase === "run" && state.dry === true && (state.run?.results.length ?? 0) > 0;

  useInterruptHandler(useCallback(() => m.stop(), [m.stop]));

  const bodyHeight = Math.max(6, rows - 3);
  const listHeight = Math.max(
    3,
    Math.min(Math.max(entries.length, findings.length, 1), Math.floor(bodyHeight * 0.45)),
  );
  const detailHeight = Math.max(2, bodyHeight - listHeight - 2);
  const runText: PaneLine[] = state.run
    ? runLines(state.run, state.dry === true, pending, columns)
    : [];
  const maxOffset = Math.max(0, runText.length - (bodyHeight - 1));

  const submit = () => {
    const folder = values.folder?.trim();
    if (!folder) {
      setField(1);
      return setFormError("name the migrations folder (the one db --compare --output writes to)");
    }
    setSelected(0);
    setTarget({ connection: values.connection ?? "", folder });
  };

  useMigrationsKeys({
    phase,
    helpShown: help,
    canConfirm,
    toggleHelp: () => setHelp((h) => !h),
    back: () => {
      if (phase === "form") return nav.back();
      if (phase === "error") return state.status ? m.clear("error") : setTarget(undefined);
      if (phase === "lint") return m.clear("lint");
      if (phase === "run") return m.clear("run");
      setTarget(undefined);
    },
    quit: () => nav.quit(),
    moveField: (d) => setField((f) => (f + d + FIELDS.length) % FIELDS.length),
    stop: () => void m.stop(),
    move: (d) => {
      if (phase === "run") return setOffset((o) => Math.max(0, Math.min(maxOffset, o + d)));
      if (phase === "lint")
        return setFinding((s) => Math.max(0, Math.min(findings.length - 1, s + d)));
      setSelected((s) => Math.max(0, Math.min(entries.length - 1, s + d)));
    },
    dryRun: () => {
      setOffset(0);
      void m.dryRun();
    },
    confirm: () => {
      setOffset(0);
      void m.apply();
    },
    lintSelected: () => {
      setFinding(0);
      void m.lint(entries[selected]?.file ?? target?.folder ?? "");
    },
    lintFolder: () => {
      setFinding(0);
      void m.lint(target?.folder ?? "");
    },
    refresh: () => void m.refresh(),
  });

  const c = state.status?.counts;
  // Short enough for 60 columns: the troubles appear only when there are any.
  const troubles = c
    ? [
        c.drifted ? `${c.drifted} drifted` : "",
        c["partially-rolled-back"] ? `${c["partially-rolled-back"]} partial down` : "",
        c["missing-file"] ? `${c["missing-file"]} no file` : "",
      ].filter(Boolean)
    : [];
  const status =
    phase === "lint" && state.lint
      ? `lint: ${state.lint.counts.error} errors · ${state.lint.counts.warning} warnings`
      : c
        ? [`${c.applied} applied`, `${pending} pending`, ...troubles].join(" · ")
        : undefined;

  return (
    <ScreenFrame
      title="migrations"
      status={status}
      keys={KEYS[phase]}
      helpKeys={HELP}
      helpNotes={[SUMMARY_NOTE]}
      showHelp={help}
    >
      {phase === "form" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text>Migration status: which files of a folder a database has applied.</Text>
          <Box marginTop={1}>
            <FieldForm
              fields={FIELDS}
              values={values}
              focus={field}
              focused={!help}
              onChange={(key, value) => {
                setValues((v) => ({ ...v, [key]: value }));
                setFormError(undefined);
              }}
              onEnter={(i) => (i < FIELDS.length - 1 ? setField(i + 1) : submit())}
            />
          </Box>
          <Box marginTop={1}>
            <Text color={formError ? tone("bad") : tone("muted")} wrap="wrap">
              {formError ??
                "Enter reads the status; nothing is applied without a dry run and y. Passwords are never shown."}
            </Text>
          </Box>
        </Box>
      ) : phase === "busy" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text wrap="truncate-end">{state.busy ?? "starting"}…</Text>
          <Text color={tone("muted")}>s or Esc stops.</Text>
        </Box>
      ) : phase === "error" ? (
        <Box flexDirection="column" paddingY={1}>
          <Text color={tone("bad")} wrap="wrap">
            error: {state.error?.message}
          </Text>
          {state.error?.hint ? (
            <Text color={tone("muted")} wrap="wrap">
              hint: {state.error.hint}
            </Text>
          ) : null}
          <Text color={tone("muted")}>Esc goes back, q quits.</Text>
        </Box>
      ) : phase === "run" ? (
        <ScrollLines
          lines={runText}
          offset={Math.min(offset, maxOffset)}
          height={bodyHeight - 1}
          width={columns}
        />
      ) : phase === "lint" && state.lint ? (
        <Box flexDirection="column">
          <Text color={tone("muted")} wrap="truncate-start">
            {state.lint.target} · {state.lint.files.length} file(s)
          </Text>
          <ScrollList
            items={findings}
            selected={finding}
            height={listHeight}
            width={columns}
            focused
            look={(f) => ({
              mark: f.severity === "error" ? glyph.kill : glyph.warn,
              markTone: f.severity === "error" ? "bad" : "warn",
              label: findingLabel(f),
            })}
          />
          <Text color={tone("muted")}>{"─".repeat(Math.max(0, columns - 1))}</Text>
          <ScrollLines
            lines={findingLines(findings[finding], state.lint.files.length, columns)}
            offset={0}
            height={detailHeight}
            width={columns}
          />
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text color={tone("muted")} wrap="truncate-start">
            {state.status?.folder}
          </Text>
          <ScrollList
            items={entries}
            selected={selected}
            height={listHeight}
            width={columns}
            focused
            look={(e) => ({
              mark: STATE_LOOK[e.state].mark,
              markTone: STATE_LOOK[e.state].tone,
              label: `${STATE_LOOK[e.state].word.padEnd(12)} ${e.name}`,
            })}
          />
          <Text color={tone("muted")}>{"─".repeat(Math.max(0, columns - 1))}</Text>
          <ScrollLines
            lines={entryLines(entries[selected], columns)}
            offset={0}
            height={detailHeight}
            width={columns}
          />
        </Box>
      )}
    </ScreenFrame>
  );
}
