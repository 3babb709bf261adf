import { Box, Text, useWindowSize } from "ink";
import { ScreenFrame } from "../../kit/screen-frame.js";
import { ScrollList } from "../../kit/scroll-list.js";
import { tone } from "../../kit/theme.js";
import type { ScreenProps } from "../../navigation.js";
import { screens } from "../index.js";
import { useHomeKeys } from "./use-keys.js";

const KEYS = [
  { key: "↑↓/jk", label: "move" },
  { key: "Enter", label: "open" },
  { key: "?", label: "help" },
  { key: "q", label: "quit" },
];

const HELP_KEYS = [
  ...KEYS,
  { key: "Esc", label: "back (on any screen)" },
  { key: "Ctrl+C", label: "stop a run / quit" },
];

export function HomeScreen({ nav }: ScreenProps) {
  const { columns } = useWindowSize();
  const tools = screens.filter((s) => s.inMenu);
  const { selected, help } = useHomeKeys(nav, tools);
  const current = tools[selected];
  return (
    <ScreenFrame
      title="home"
      keys={KEYS}
      helpKeys={HELP_KEYS}
      showHelp={help}
      helpNotes={["Every tool is also a plain command: run `senior-backend --help`."]}
    >
      <Box flexDirection="column" paddingY={1}>
        <Text>What a senior backend colleague brings to a new service. Pick a tool:</Text>
        <Box marginTop={1}>
          {tools.length === 0 ? (
            <Text color={tone("muted")}>No tools are available in this build.</Text>
          ) : (
            <ScrollList
              items={tools}
              selected={selected}
              height={tools.length}
              width={columns}
              focused
              look={(t) => ({ mark: "", label: t.title })}
            />
          )}
        </Box>
        {current ? (
          <Box marginTop={1}>
            <Text color={tone("muted")} wrap="wrap">
              {current.description}
            </Text>
          </Box>
        ) : null}
      </Box>
    </ScreenFrame>
  );
}
