import { Box, Text } from "ink";
import type { Finding } from "../../../engine/audit/index.js";
import { tone } from "../../kit/theme.js";
import { wrapText } from "../../kit/wrap-text.js";

/** The detail pane's lines for one finding, wrapped to `width`. */
export function findingDetailLines(
  f: Finding,
  width: number,
): Array<{ id: number; text: string; heading: boolean }> {
  const lines: Array<{ id: number; text: string; heading: boolean }> = [];
  const add = (label: string, text: string) => {
    lines.push({ id: lines.length, text: label, heading: true });
    for (const l of wrapText(text, width - 2))
      lines.push({ id: lines.length, text: `  ${l}`, heading: false });
  };
  for (const l of wrapText(`${f.severity.toUpperCase()}: ${f.title}`, width))
    lines.push({ id: lines.length, text: l, heading: true });
  add("id", f.id);
  add("request", f.evidence.request);
  add("response", f.evidence.response);
  add("fix", f.fix);
  add("doc", f.doc);
  add("see", f.reference);
  return lines;
}

/** The selected finding: evidence, fix and reference, scrolled by `offset` lines. */
export function FindingDetail({
  finding,
  height,
  width,
  offset,
}: {
  finding?: Finding;
  height: number;
  width: number;
  offset: number;
}) {
  const lines = finding
    ? findingDetailLines(finding, width)
    : [{ id: 0, text: "No findings.", heading: false }];
  const start = Math.min(offset, Math.max(0, lines.length - height));
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {lines.slice(start, start + height).map((l) => (
        <Text
          key={l.id}
          wrap="truncate-end"
          bold={l.heading}
          color={l.heading ? tone("accent") : undefined}
        >
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
