import { spawn } from "node:child_process";
import { cliPath, repoRoot } from "./cli.js";

/**
 * Run the built `senior-backend load ARGS`, send one signal once the first progress line shows
 * (a second would mean "leave now" and cut the summary short), and collect what it printed.
 * A run that outlives 20 s is killed.
 */
export async function signalLoadAfterFirstSecond(
  args: string[],
  signal: "SIGINT" | "SIGTERM",
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliPath, "load", ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalled = false;
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
    if (!signalled && /\[\s+1\/60s\]/.test(stderr)) {
      signalled = true;
      child.kill(signal);
    }
  });
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("close", (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  return { code, stdout, stderr };
}
