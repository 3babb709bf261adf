import { render } from "ink";
import { App, type AppResult, type AppStart } from "./app.js";
import { loadScreen } from "./screen-loader.js";
import { dropTypeAhead } from "./type-ahead.js";

/**
 * Start the full-screen app on the alternate screen and resolve with its exit code once it has left.
 * The summary, if any, is written to the normal screen after the alternate screen is gone.
 */
export async function runTui(start?: AppStart): Promise<number> {
  // A command that opens its own screen: load that screen's module (only it) before the first
  // frame, so the first frame is the screen, and keys typed until then are dropped below as
  // type-ahead (not held for a screen nobody has seen).
  if (start && start.screen !== "home") await loadScreen(start.screen);
  if (await dropTypeAhead()) {
    process.stdin.setRawMode?.(false);
    return 130;
  }
  let result: AppResult = { exitCode: 0 };
  const app = (
    <App
      start={start}
      onDone={(r) => {
        result = r;
      }}
    />
  );
  const instance = render(app, {
    alternateScreen: true,
    exitOnCtrlC: false,
    maxFps: 20,
    // Ink treats CI=true as non-interactive; a real terminal is interactive whatever CI says.
    interactive: true,
    patchConsole: true,
  });
  // On a resize Ink draws the old tree (sized for the old terminal) at once, which scrolls a
  // shrunken screen and leaves it garbled. Once React has laid the app out for the new size,
  // wipe the screen and draw the whole frame again.
  // On a busy machine React can lay out later than the first timer: draw again a little later too.
  let repaints: NodeJS.Timeout[] = [];
  const repaint = () => {
    instance.clear();
    process.stdout.write("\u001b[2J\u001b[H");
    instance.rerender(app);
  };
  const onResize = () => {
    for (const t of repaints) clearTimeout(t);
    repaints = [setTimeout(repaint, 60), setTimeout(repaint, 300)];
  };
  process.stdout.on("resize", onResize);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const t of repaints) clearTimeout(t);
    process.stdout.off("resize", onResize);
  }
  if (result.summary)
    process.stdout.write(result.summary.endsWith("\n") ? result.summary : `${result.summary}\n`);
  return result.exitCode;
}
