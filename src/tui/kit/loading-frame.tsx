import { Text } from "ink";
import { ScreenFrame } from "./screen-frame.js";
import { tone } from "./theme.js";
import { useKeys } from "./use-keys.js";

/**
 * What a screen shows while its module loads (or when it could not): the screen's frame, sized to
 * the terminal, with a one-line message. Keys typed meanwhile wait for the screen (key-router.ts).
 */
export function LoadingFrame({
  title,
  failed,
  onBack,
}: {
  title: string;
  failed?: string;
  onBack: () => void;
}) {
  useKeys(
    (input, key) => {
      if (key.escape || input === "q") onBack();
    },
    { isActive: failed !== undefined },
  );
  return (
    <ScreenFrame
      title={title}
      keys={
        failed
          ? [
              { key: "Esc", label: "back" },
              { key: "q", label: "back" },
            ]
          : [{ key: "Ctrl+C", label: "quit" }]
      }
    >
      {failed ? (
        <Text color={tone("bad")} wrap="wrap">
          could not open this screen: {failed}
        </Text>
      ) : (
        <Text color={tone("muted")}>loading…</Text>
      )}
    </ScreenFrame>
  );
}
