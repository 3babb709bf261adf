/**
 * What `senior-backend <command> --help` shows after the options: notes, modes, examples and exit
 * codes, one entry per command, applied to every command in program.ts. Kept here, away from the
 * command modules, so each command's help has the same parts and fits 80 columns through a pipe.
 */
import type { Command } from "commander";

export interface CommandHelp {
  /** Short paragraphs, wrapped to the width. */
  notes?: string[];
  /** Modes of a multi-mode command: [flags, what it does]. */
  modes?: Array<[string, string]>;
  /** Each example is one command line, or several joined with a trailing backslash. */
  examples: string[][];
  exitCodes: Array<[number, string]>;
}

export const HELP_WIDTH = 80;

const INTERRUPTED = "interrupted (Ctrl+C)";

export const COMMAND_HELP: Record<string, CommandHelp> = {
  grill: {
    notes: [
      "Without --answers it opens the full-screen grill (a terminal is needed). The transcript is written to DIR/backend-grill-YYYY-MM-DD.md (then -2, -3, …), mode 0600, after every answer; continue it with --resume FILE.",
    ],
    examples: [
      ["senior-backend grill"],
      ["senior-backend grill --answers examples/answers.yaml --json"],
      ["senior-backend grill --resume /tmp/backend-grill-2026-01-15.md"],
    ],
    exitCodes: [
      [0, "all seven questions answered"],
      [1, "a kill criterion stopped the grill"],
      [2, "bad input (flags, answers file, transcript; no terminal and no --answers)"],
      [130, `${INTERRUPTED}; the transcript keeps every answer`],
    ],
  },
  decide: {
    notes: [
      "Required: --team-size, --qps-p99, --read-write-ratio, --tenancy, --data-sensitivity and --pattern, from flags or a grill transcript (flags win). Nothing is approved by the tool: the result names who must approve.",
      "The first line says the status: recommended (a profile breaks no hard constraint), no-fit (every profile does: the closest ones and how to write your own), blocked (a kill criterion tripped: fix it first) or tie (the question that would separate them). Add --slo-target, --rpo-minutes and --rto-minutes for a complete decision.",
    ],
    examples: [
      [
        "senior-backend decide --team-size 8 --qps-p99 50 --read-write-ratio 20 \\",
        "  --tenancy shared-multi-tenant --data-sensitivity pii \\",
        "  --pattern modular-monolith --language-preference typescript",
      ],
      ["senior-backend decide --from-transcript /tmp/backend-grill-2026-01-15.md"],
      ["senior-backend decide --list-profiles"],
    ],
    exitCodes: [
      [0, "decided, whatever the status (unless --strict)"],
      [1, "with --strict, the status is blocked (a kill criterion) or no-fit"],
      [2, "bad input (a value outside its list, missing inputs, no valid profile)"],
    ],
  },
  load: {
    notes: [
      "In a terminal a run opens the live screen; without one, or with --json or --no-tui, a progress line goes to stderr and the report to stdout. --fail-on takes comma-separated METRIC OP VALUE conditions: p50 … p99.9, max, mean, min (ms), errors (% or a count), rps, regression (with --baseline); stageN.METRIC for one --ramp stage.",
    ],
    examples: [
      ["senior-backend load --demo --duration 10"],
      ["senior-backend load http://127.0.0.1:3000/health -c 50 -d 30"],
      ['senior-backend load URL --rate 500 -d 60 --fail-on "p99>250ms,errors>1%"'],
      ["senior-backend load URL1 URL2 --compare -c 50 -d 30"],
      ["senior-backend load URL --baseline snapshots/api.json --fail-on regression"],
      ['senior-backend load URL --ramp 30s:50,30s:200 --fail-on "stage2.p99>250ms"'],
      ["senior-backend load https://127.0.0.1:8443/ --http2 --insecure"],
      ["senior-backend load URL -d 30 --report run.html --timeseries run.csv"],
      ["senior-backend load URL --rate 500 -d 60 --hdr-log gen-0.hlog"],
      ["senior-backend load merge gen-0.hlog gen-1.hlog gen-2.hlog"],
    ],
    exitCodes: [
      [0, "every gate passed (no gates: at least one request succeeded)"],
      [
        1,
        "a --fail-on condition held, an expectation or the SLO was missed, nothing succeeded, or nothing answered (every connect refused for 1 s)",
      ],
      [2, "bad input (URL, method, header, body, --fail-on, --ramp, baseline file)"],
      [130, `${INTERRUPTED}; the summary of what was measured is still printed`],
      [143, "terminated (SIGTERM); like 130: summary, --json and files still written"],
    ],
  },
  db: {
    notes: ["The database is --connection URL, else DATABASE_URL, else the libpq PG* variables."],
    modes: [
      [
        "--compare SOURCE",
        "diff the database to SOURCE and plan a migration (--output DIR writes it)",
      ],
      [
        "--from A --to B",
        "the same for any two sources (URL, .sql file, migrations folder, snapshot .json)",
      ],
      ["--snapshot FILE", "write the introspected schema of the database to a JSON snapshot"],
      [
        "--migrate FILE",
        "apply a migration (--dry-run rehearses it and lists hazards, --down rolls it back)",
      ],
      [
        "--migrate DIR",
        "apply every pending migration in name order (--down N: roll back the last N)",
      ],
      [
        "--status [DIR]",
        "applied, pending, partially applied and drifted migrations (default migrations/)",
      ],
      [
        "--lint FILE|DIR",
        "hazard rules on hand-written SQL (rule pages in docs/db-rules/; --fail-on)",
      ],
      [
        "--analyze",
        "report schema and index problems (--from FILE: a .sql file or migrations folder)",
      ],
      ["--suggest-indexes", "write a migration with the suggested indexes (--output DIR)"],
      ["(none)", "in a terminal: the schema-diff browser on the demo schemas"],
    ],
    examples: [
      ["senior-backend db --analyze --from snapshots/demo/v2.sql"],
      [
        "senior-backend db --from snapshots/demo/v1.sql --to snapshots/demo/v2.sql \\",
        "  --rename public.customers.full_name=display_name --allow-destructive",
      ],
      [
        "senior-backend db --connection postgres://app@127.0.0.1/app \\",
        "  --compare schema/v2.sql --output migrations/",
      ],
      ["senior-backend db --migrate migrations/20260115000000_add_name.sql --dry-run"],
      ['senior-backend db --connection "$DATABASE_URL" --migrate migrations/'],
      ["senior-backend db --lint migrations/ --fail-on warning"],
    ],
    exitCodes: [
      [0, "done"],
      [
        1,
        "a finding at or above --fail-on (--lint: default error), a migration statement failed, the lock was busy, or --status found a partial or drifted migration",
      ],
      [
        2,
        "bad input (refused destructive changes or a down part that loses data, unreadable source, a bad connection string, no database, wrong password, unknown role)",
      ],
      [130, INTERRUPTED],
    ],
  },
  scaffold: {
    notes: [
      "Files the tool owns are rewritten when the input changes; your handlers and server.ts are created once and never overwritten.",
    ],
    modes: [
      ["SPEC", "routes, validation and types from an OpenAPI 2.0/3.0/3.1/3.2 spec"],
      ["--from-db [URL]", "CRUD routes for every table of a PostgreSQL database"],
      ["ROUTES --generate-spec", "an OpenAPI 3.1 spec from Express, Fastify or Koa route files"],
    ],
    examples: [
      ["senior-backend scaffold openapi.yaml --framework fastify --output src/routes/"],
      ["senior-backend scaffold openapi.yaml --output src/routes/ --check"],
      ["senior-backend scaffold swagger.json --base-path / --output my-api/"],
      [
        "senior-backend scaffold --from-db postgres://app@127.0.0.1/app \\",
        "  --output src/routes/",
      ],
      ["senior-backend scaffold src/routes/ --generate-spec --output openapi.yaml"],
    ],
    exitCodes: [
      [0, "generated (or up to date with --check)"],
      [1, "out of date with --check"],
      [
        2,
        "bad input (unreadable spec, a breach with --strict, unknown framework, no database, a file of yours in the way)",
      ],
      [130, INTERRUPTED],
    ],
  },
  audit: {
    notes: [
      "Only audit APIs you are allowed to test: the audit sends real requests, at most --max-requests of them.",
      "Requests (and credentials) go to the URL's origin only: a spec path or flag that would resolve elsewhere is a finding and is never sent.",
    ],
    examples: [
      ["senior-backend audit http://127.0.0.1:3000"],
      ["senior-backend audit http://127.0.0.1:3000 --spec openapi.yaml \\", "  --fail-on warning"],
      [
        "senior-backend audit http://127.0.0.1:3000 --spec openapi.yaml \\",
        '  --auth "Bearer $A" --auth-b "Bearer $B"',
      ],
      ["senior-backend audit http://127.0.0.1:3000 --only headers,cors --json"],
    ],
    exitCodes: [
      [0, "no finding at or above --fail-on, and every check finished"],
      [1, "at least one finding at or above --fail-on, or a check cut short (budget or timeout)"],
      [2, "bad input (not an http(s) URL, unreachable host, unreadable or invalid spec)"],
      [130, `${INTERRUPTED}; the findings so far are still printed`],
    ],
  },
  review: {
    notes: [
      "Runs the grill (from --answers FILE, a --from-transcript FILE, or the full-screen grill in a terminal), then the decision, then the next concerns, each with the command that takes it up. --digest prints at most 200 words for a sub-agent: status, best fit or why none, kills, SLO floor and the next three steps.",
    ],
    examples: [
      ["senior-backend review --answers examples/answers.yaml --digest"],
      ["senior-backend review --from-transcript /tmp/backend-grill-2026-01-15.md \\", "  --json"],
      ["senior-backend review"],
    ],
    exitCodes: [
      [0, "a review was produced (recommended, no fit, tie or an unfinished grill)"],
      [1, "a kill criterion blocked the decision"],
      [2, "bad input (answers file, transcript; no terminal and neither file)"],
      [130, INTERRUPTED],
    ],
  },
  mcp: {
    notes: [
      "Speaks the Model Context Protocol on stdin/stdout; an agent host starts it (see docs/agents.md). Tools: grill, decide, load, db_analyze, db_compare, db_migrate, db_lint, scaffold, audit. Resources: references/*.md and profiles/*.json. Prompt: backend-review.",
      "load and audit reach only loopback (127.0.0.0/8, ::1, localhost) unless --allow-host names the host; db_migrate is a dry run unless --allow-apply; every call is bounded in time and requests, and passwords and Authorization values are masked in results.",
    ],
    examples: [
      ["senior-backend mcp"],
      ["senior-backend mcp --allow-host staging.internal.example.com --allow-apply"],
    ],
    exitCodes: [
      [0, "the host closed the connection"],
      [2, "bad flags (e.g. an --allow-host that is not a host name)"],
      [130, INTERRUPTED],
    ],
  },
};

export const PROGRAM_HELP: CommandHelp = {
  examples: [
    ["senior-backend                      # the full-screen app (in a terminal)"],
    ["senior-backend grill --answers examples/answers.yaml"],
    ["senior-backend load --demo --duration 10"],
    ["senior-backend db --analyze --from snapshots/demo/v2.sql"],
    ["senior-backend <command> --help"],
  ],
  exitCodes: [
    [0, "success"],
    [1, "a check or gate failed"],
    [2, "usage or input error"],
    [130, INTERRUPTED],
  ],
};

/** Greedy word wrap; a word longer than the width stays whole on its own line. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** `  term  description`, the description wrapped with a hanging indent. */
function items(rows: Array<[string, string]>, width: number): string[] {
  const termWidth = Math.max(...rows.map(([term]) => term.length));
  const out: string[] = [];
  for (const [term, description] of rows) {
    const indent = 2 + termWidth + 2;
    const [first = "", ...rest] = wrap(description, Math.max(20, width - indent));
    out.push(`  ${term.padEnd(termWidth)}  ${first}`);
    for (const line of rest) out.push(`${" ".repeat(indent)}${line}`);
  }
  return out;
}

/** The text shown after the options, at most `width` columns wide (examples are written to fit). */
export function renderCommandHelp(help: CommandHelp, width = HELP_WIDTH): string {
  const parts: string[] = [];
  for (const note of help.notes ?? []) parts.push(wrap(note, width).join("\n"));
  if (help.modes) parts.push(["Modes (pick one):", ...items(help.modes, width)].join("\n"));
  parts.push(["Examples:", ...help.examples.flat().map((line) => `  ${line}`)].join("\n"));
  const codes = help.exitCodes.map(([code, text]): [string, string] => [String(code), text]);
  parts.push(["Exit codes:", ...items(codes, width)].join("\n"));
  return `\n${parts.join("\n\n")}`;
}

/** The width help is laid out for: 80 columns, or a narrower terminal's width. */
export function helpWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return columns && columns < HELP_WIDTH ? Math.max(40, columns) : HELP_WIDTH;
}

/** Width, wrapping and the registry's text for the program and each of its commands. */
export function applyHelp(program: Command, width = helpWidth()): void {
  // minWidthToWrap 20: commander otherwise leaves long option descriptions unwrapped when the
  // option column is wide (decide's), and the lines run past 80 columns.
  const layout = { helpWidth: width, minWidthToWrap: 20 };
  program.configureHelp(layout).addHelpText("after", renderCommandHelp(PROGRAM_HELP, width));
  for (const command of program.commands) {
    command.configureHelp(layout);
    const help = COMMAND_HELP[command.name()];
    if (help) command.addHelpText("after", renderCommandHelp(help, width));
  }
}
