import { render } from "ink";
import { App, type AppResult, type AppStart } from "./app.js";
import { dropTypeAhead } from "./type-ahead.js";

/**
 * Start the full-screen app on the alternate screen and resolve with its exit code once it has left.
 * The summary, if any, is written to the normal screen after the alternate screen is gone.
 */
export async function runTui(start?: AppStart): Promise<number> {
  if (await dropTypeAhead()) {
    process.stdin.setRawMode?.(false);
    return 130;
  }
  let result: AppResult = { exitCode: 0 };
  const instance = render(
    <App
      start={start}
      onDone={(r) => {
        result = r;
      }}
    />,
    {
      alternateScreen: true,
      exitOnCtrlC: false,
      maxFps: 20,
      // Ink treats CI=true as non-interactive; a real terminal is interactive whatever CI says.
      interactive: true,
      patchConsole: true,
    },
  );
  await instance.waitUntilExit();
  if (result.summary)
    process.stdout.write(result.summary.endsWith("\n") ? result.summary : `${result.summary}\n`);
  return result.exitCode;
}
