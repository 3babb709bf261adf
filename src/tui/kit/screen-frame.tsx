import { Box, Text, useWindowSize } from "ink";
import type { ReactNode } from "react";
import { HelpOverlay } from "./help-overlay.js";
import { KeyBar, type KeyHint } from "./key-bar.js";
import { tone } from "./theme.js";
import { isTooSmall, TooSmall } from "./too-small.js";

export { MIN_COLUMNS, MIN_ROWS } from "./too-small.js";

/**
 * Title line, body, key bar; never taller than the terminal.
 * `keys` is the short list for the bar, `helpKeys` the full list for `?`.
 */
export function ScreenFrame(props: {
  title: string;
  status?: string;
  keys: KeyHint[];
  helpKeys?: KeyHint[];
  helpNotes?: string[];
  showHelp?: boolean;
  children: ReactNode;
}) {
  const { columns, rows } = useWindowSize();
  // The app shows this itself and holds keys back; a screen rendered alone shows it here.
  if (isTooSmall(columns, rows)) return <TooSmall columns={columns} rows={rows} />;
  return (
    <Box width={columns} height={rows} flexDirection="column" overflow="hidden">
      <Box flexShrink={0} justifyContent="space-between">
        {/* The title keeps its room; a long status (two file paths) is cut from its start. */}
        <Box flexShrink={0} marginRight={1}>
          <Text bold color={tone("accent")} wrap="truncate-end">
            senior-backend · {props.title}
          </Text>
        </Box>
        {props.status ? (
          <Text color={tone("muted")} wrap="truncate-start">
            {props.status}
          </Text>
        ) : null}
      </Box>
      <Box flexGrow={1} flexDirection="column" overflow="hidden">
        {props.showHelp ? (
          <HelpOverlay
            title={props.title}
            keys={props.helpKeys ?? props.keys}
            notes={props.helpNotes}
          />
        ) : (
          props.children
        )}
      </Box>
      <KeyBar keys={props.keys} />
    </Box>
  );
}
