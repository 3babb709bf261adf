import { type Command, InvalidArgumentError, Option } from "commander";
import {
  type Answers,
  DATA_SENSITIVITIES,
  type Decision,
  decide,
  INTERACTION_STYLES,
  LANGUAGES,
  loadProfiles,
  missingInputs,
  PATTERNS,
  TENANCIES,
} from "../../engine/decision/index.js";
import { readTranscript } from "../../engine/grill/index.js";
import { UserError } from "../../engine/shared/index.js";
import {
  decisionMarkdown,
  profileErrorLine,
  profileListMarkdown,
} from "../../report/decision-markdown.js";
import { action } from "../action.js";
import type { CliContext } from "../context.js";
import { EXIT, isInteractive, writeJson, writeStatus, writeText } from "../output.js";
import { startTui } from "../start-tui.js";

interface DecideFlags {
  teamSize?: number;
  qpsP99?: number | "none";
  readWriteRatio?: number;
  tenancy?: Answers["tenancy"];
  dataSensitivity?: Answers["dataSensitivity"];
  pattern?: Answers["pattern"];
  languagePreference?: Answers["languagePreference"];
  platformTeam?: boolean;
  needsAdminPanel?: boolean;
  interactionStyle?: Answers["interactionStyle"];
  rpoMinutes?: number | "none";
  rtoMinutes?: number | "none";
  sloTarget?: number | "none";
  sloLatencyMs?: number;
  sloSli?: string;
  errorBudgetOwner?: string;
  enterprisePricing?: boolean;
  complianceOwner?: string;
  encryptionAtRest?: boolean;
  independentBoundedContexts?: boolean;
  customerFacing?: boolean;
  fromTranscript?: string;
  listProfiles?: boolean;
  profilesDir?: string;
  output?: "markdown" | "json";
  json?: boolean;
  strict?: boolean;
  tui?: boolean;
}

const NONE = new Set(["none", "unknown", "no"]);

function number(min: number, integer = false, max = Number.POSITIVE_INFINITY) {
  return (value: string): number => {
    const n = Number(value);
    if (
      value.trim() === "" ||
      !Number.isFinite(n) ||
      n < min ||
      n > max ||
      (integer && !Number.isInteger(n))
    ) {
      const range = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`must be ${integer ? "a whole number" : "a number"} ${range}`);
    }
    return n;
  };
}

/**
 * A number, or `none` for "we have no number" (which trips the matching kill criterion).
 * Commander turns a parsed null into an empty value, so `none` travels as a string until answersFromFlags.
 */
function numberOrNone(min: number, max?: number) {
  const parse = number(min, false, max);
  return (value: string): number | "none" =>
    NONE.has(value.toLowerCase()) ? "none" : parse(value);
}

const orNull = (v: number | "none" | undefined) => (v === "none" ? null : v);

/** `20`, `20:1` or `1:4` → reads per write. */
function ratio(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?::\s*(\d+(?:\.\d+)?))?\s*$/.exec(value);
  const reads = Number(m?.[1]);
  const writes = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!m || !(reads > 0) || !(writes > 0)) {
    throw new InvalidArgumentError(
      "must be reads per write, e.g. 20 or 20:1 (1:4 when writes dominate)",
    );
  }
  return reads / writes;
}

function yesNo(value: string): boolean {
  const v = value.toLowerCase();
  if (["yes", "y", "true", "1"].includes(v)) return true;
  if (["no", "n", "false", "0"].includes(v)) return false;
  throw new InvalidArgumentError("must be yes or no");
}

const choice = (flags: string, description: string, values: readonly string[]) =>
  new Option(flags, description).choices(values);

const bool = (flags: string, description: string) =>
  new Option(`${flags} [yes|no]`, `${description} (yes when given without a value)`).argParser(
    yesNo,
  );

/** The answers the flags give; only flags that were passed appear. */
function answersFromFlags(f: DecideFlags): Answers {
  const a: Answers = {
    teamSize: f.teamSize,
    qpsP99: orNull(f.qpsP99),
    readWriteRatio: f.readWriteRatio,
    tenancy: f.tenancy,
    dataSensitivity: f.dataSensitivity,
    pattern: f.pattern,
    languagePreference: f.languagePreference,
    platformTeam: f.platformTeam,
    needsAdminPanel: f.needsAdminPanel,
    interactionStyle: f.interactionStyle,
    rpoMinutes: orNull(f.rpoMinutes),
    rtoMinutes: orNull(f.rtoMinutes),
    sloTarget: orNull(f.sloTarget),
    sloLatencyMs: f.sloLatencyMs,
    sloSli: f.sloSli,
    errorBudgetOwner: f.errorBudgetOwner,
    enterprisePricing: f.enterprisePricing,
    complianceOwner: f.complianceOwner,
    encryptionAtRestPlan: f.encryptionAtRest,
    independentBoundedContexts: f.independentBoundedContexts,
    customerFacing: f.customerFacing,
  };
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Answers;
}

async function runDecide(f: DecideFlags): Promise<number> {
  const json = f.json === true || f.output === "json";
  if (f.listProfiles) {
    const loaded = await loadProfiles(f.profilesDir);
    if (json) writeJson(loaded);
    else writeText(profileListMarkdown(loaded));
    return EXIT.ok;
  }
  const fromFile = f.fromTranscript ? (await readTranscript(f.fromTranscript)).answers : {};
  const answers: Answers = { ...fromFile, ...answersFromFlags(f) };
  const missing = missingInputs(answers);
  if (missing.length > 0) {
    throw new UserError(
      `missing required inputs: ${missing.map((m) => `${m.flag} (${m.label})`).join(", ")}`,
      {
        hint: f.fromTranscript
          ? "the transcript does not answer them: pass the flags, or finish the grill (`senior-backend grill --resume FILE`)"
          : "example: decide --team-size 8 --qps-p99 50 --read-write-ratio 20 --tenancy shared-multi-tenant --data-sensitivity pii --pattern modular-monolith --language-preference typescript",
      },
    );
  }
  const loaded = await loadProfiles(f.profilesDir);
  if (f.tui) {
    if (!isInteractive()) {
      throw new UserError("--tui needs a terminal", {
        hint: "leave out --tui for a report on stdout",
      });
    }
    const code = await startTui({
      screen: "decision",
      params: { answers, source: f.fromTranscript, profilesDir: f.profilesDir },
    });
    if (code !== EXIT.ok || !f.strict) return code;
    return gate(decide(answers, { profiles: loaded }));
  }
  if (!json)
    for (const e of loaded.errors) writeStatus(`warning: profile skipped: ${profileErrorLine(e)}`);
  const decision = decide(answers, { profiles: loaded });
  if (json) writeJson(decision);
  else writeText(decisionMarkdown(decision));
  return f.strict ? gate(decision) : EXIT.ok;
}

/** `--strict`: exit 1 when the decision recommends nothing because of a kill or a hard constraint. */
const gate = (d: Decision) =>
  d.status === "blocked" || d.status === "no-fit" ? EXIT.gateFailed : EXIT.ok;

export function registerDecideCommand(program: Command, _ctx: CliContext): void {
  program
    .command("decide")
    .description(
      "rank the profiles for your answers: a status (recommended, no-fit, blocked, tie), the best fit and why in numbers, stack, anti-patterns, approvers, SLO floor",
    )
    .addOption(
      new Option("--team-size <n>", "engineers working on the service").argParser(number(1, true)),
    )
    .addOption(
      new Option("--qps-p99 <n|none>", "one-year p99 queries per second").argParser(
        numberOrNone(0),
      ),
    )
    .addOption(new Option("--read-write-ratio <r>", "reads per write: 20 or 20:1").argParser(ratio))
    .addOption(choice("--tenancy <tenancy>", "tenancy model", [...TENANCIES]))
    .addOption(
      choice("--data-sensitivity <tier>", "highest data-sensitivity tier", [...DATA_SENSITIVITIES]),
    )
    .addOption(choice("--pattern <pattern>", "architecture pattern", [...PATTERNS]))
    .addOption(choice("--language-preference <language>", "the team's language", [...LANGUAGES]))
    .addOption(bool("--platform-team", "a platform team exists"))
    .addOption(bool("--needs-admin-panel", "back-office staff need an admin panel"))
    .addOption(
      choice("--interaction-style <style>", "default interaction style", [...INTERACTION_STYLES]),
    )
    .addOption(
      new Option("--rpo-minutes <n|none>", "recovery point objective").argParser(numberOrNone(0)),
    )
    .addOption(
      new Option("--rto-minutes <n|none>", "recovery time objective").argParser(numberOrNone(0)),
    )
    .addOption(
      new Option("--slo-target <percent|none>", "availability SLO in percent, e.g. 99.9").argParser(
        numberOrNone(0, 100),
      ),
    )
    .addOption(
      new Option("--slo-latency-ms <ms>", "p99 latency SLI threshold").argParser(number(1)),
    )
    .addOption(new Option("--slo-sli <text>", "the measurable SLI in words"))
    .addOption(new Option("--error-budget-owner <name>", "the named owner of the error budget"))
    .addOption(bool("--enterprise-pricing", "enterprise pricing pays for single-tenant instances"))
    .addOption(
      new Option("--compliance-owner <name>", "named compliance owner (phi/pci/regulated)"),
    )
    .addOption(bool("--encryption-at-rest", "an encryption-at-rest plan exists"))
    .addOption(
      bool("--independent-bounded-contexts", "services map to independent bounded contexts"),
    )
    .addOption(
      bool(
        "--customer-facing",
        "a customer-facing production database sits behind it (the default)",
      ),
    )
    .option("--from-transcript <file>", "take the answers from a grill transcript (flags override)")
    .option("--list-profiles", "list the profiles and any invalid profile files")
    .option("--profiles-dir <dir>", "read profiles from this folder instead of profiles/")
    .addOption(
      new Option("--output <format>", "report format")
        .choices(["markdown", "json"])
        .default("markdown"),
    )
    .option("--json", "same as --output json: one JSON document on stdout")
    .option("--strict", "exit 1 when the status is blocked (a kill criterion) or no-fit")
    .option("--tui", "show the results screen in the terminal instead of printing the report")
    .action(action((flags: DecideFlags) => runDecide(flags)));
}
