/**
 * The command-line program: parses argv, runs a command or starts the full-screen app.
 * Loaded by main.ts only after the Node version check passed.
 */
import "./process-defaults.js";
import { Command, CommanderError } from "commander";
import { isUserError, packageVersion } from "../engine/shared/index.js";
import { registerCommands } from "./commands/index.js";
import type { CliContext } from "./context.js";
import { applyHelp, HELP_WIDTH } from "./help-text.js";
import { interruptCode, interruptSignal } from "./interrupt.js";
import { EXIT, isInteractive, writeError } from "./output.js";
import { startTui } from "./start-tui.js";

let debug = process.argv.includes("--debug");
const ctx: CliContext = { signal: interruptSignal, debug: () => debug, interruptCode };

async function buildProgram(args: string[], helpWidth?: number): Promise<Command> {
  const program = new Command();
  program
    .name("senior-backend")
    .description(
      "What a senior backend colleague brings to a new service.\nRun with no arguments in a terminal for the full-screen app.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .option("--debug", "print stack traces of unexpected errors")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(str.replace(/^error: /, "error: ")),
    });
  program.hook("preAction", (cmd) => {
    debug = Boolean(cmd.optsWithGlobals().debug);
  });
  await registerCommands(program, ctx, args);
  applyHelp(program, helpWidth);
  return program;
}

/**
 * Every command's help exactly as `[<command>] --help` prints it through a pipe (80 columns), in one
 * process: the build-time help cache (write-help-cache.ts) is made from this.
 */
export async function layOutHelp(keys: string[]): Promise<Record<string, string>> {
  const program = await buildProgram(["--help"], HELP_WIDTH);
  const texts: Record<string, string> = {};
  for (const key of keys) {
    const command = key ? program.commands.find((c) => c.name() === key) : program;
    if (!command) throw new Error(`no command ${key}`);
    let text = "";
    command.configureOutput({ writeOut: (chunk) => (text += chunk) });
    command.outputHelp();
    texts[key] = text;
  }
  return texts;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 0 || (args.length === 1 && args[0] === "--debug")) {
    if (!isInteractive()) {
      writeError(
        "no command given and no terminal for the full-screen app",
        "run `senior-backend --help` for the commands",
      );
      return EXIT.usage;
    }
    return startTui();
  }
  const program = await buildProgram(args);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isUserError(error)) {
      writeError(error.message, error.hint);
      // Work stopped by Ctrl+C / SIGTERM says what it left behind, and exits 130 / 143.
      return interruptSignal.aborted ? interruptCode() : error.exitCode;
    }
    if (interruptSignal.aborted) return interruptCode();
    const message = error instanceof Error ? error.message : String(error);
    writeError(
      `unexpected: ${message}`,
      debug ? undefined : "run again with --debug for the stack trace",
    );
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.gateFailed;
  }
}

export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
      // Leave promptly even if a library left a handle open; pipes on Linux are flushed synchronously.
      setTimeout(() => process.exit(code), 500).unref();
    },
    (error: unknown) => {
      writeError(error instanceof Error ? error.message : String(error));
      process.exitCode = EXIT.gateFailed;
    },
  );
}
