import { Box, Text } from "ink";
import type { TrippedKill } from "../../../engine/decision/index.js";
import type { Recommendation, TurnDef } from "../../../engine/grill/index.js";
import { glyph, tone } from "../../kit/theme.js";

/** The question of a grill turn: which of the seven, and its text. */
export function QuestionHeader({ turn, of }: { turn: TurnDef; of: number }) {
  const where = turn.followUp
    ? `Question ${turn.question}/${of} · follow-up: ${turn.title}`
    : `Question ${turn.question}/${of} · ${turn.title}`;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text color={tone("muted")}>{where}</Text>
      <Text bold wrap="wrap">
        {turn.text}
      </Text>
    </Box>
  );
}

/** The recommended answer for the facts so far, why, and the canon it rests on. */
export function RecommendationBox({
  recommendation,
  canon,
}: {
  recommendation: Recommendation;
  canon: string[];
}) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="wrap">
        <Text color={tone("ok")} bold>
          Recommended:
        </Text>{" "}
        {recommendation.answer}
      </Text>
      <Text color={tone("muted")} wrap="wrap">
        {recommendation.why}
      </Text>
      <Text wrap="wrap">
        <Text color={tone("info")} bold>
          Canon:
        </Text>{" "}
        {canon.join("; ")}
      </Text>
    </Box>
  );
}

/** A tripped kill criterion: what stopped the grill and what to do instead. */
export function KillPanel({ kills, transcript }: { kills: TrippedKill[]; transcript?: string }) {
  return (
    <Box flexDirection="column" paddingY={1}>
      {kills.map((k) => (
        <Box key={k.id} flexDirection="column" marginBottom={1}>
          <Text color={tone("bad")} bold wrap="wrap">
            {glyph.kill} Kill criterion (question {k.question}): {k.title}
          </Text>
          <Text wrap="wrap">
            <Text bold>Reason:</Text> {k.reason}
          </Text>
          <Text wrap="wrap">
            <Text bold>Remedy:</Text> {k.remedy}
          </Text>
        </Box>
      ))}
      <Text wrap="wrap">The grill stops here. Fix the facts, then continue with:</Text>
      {transcript ? (
        <Text color={tone("accent")} wrap="wrap">
          senior-backend grill --resume {transcript}
        </Text>
      ) : null}
    </Box>
  );
}

/** All seven answered (shown when the results screen is not available or after coming back). */
export function CompletePanel({ transcript }: { transcript?: string }) {
  return (
    <Box flexDirection="column" paddingY={1}>
      <Text color={tone("ok")} bold>
        {glyph.ok} All seven questions answered.
      </Text>
      {transcript ? <Text wrap="wrap">Transcript: {transcript}</Text> : null}
      <Text wrap="wrap">Press Enter for the decision, q to leave.</Text>
    </Box>
  );
}
