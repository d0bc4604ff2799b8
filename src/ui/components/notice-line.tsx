import { Box, Text } from 'ink';
import { printable } from '../../core/printable.js';
import type { Notice, Tone } from '../../state/app-state.js';

export const TONE_COLOR: Record<Tone, string> = { info: 'cyan', success: 'green', warning: 'yellow', error: 'red' };

/** One message, coloured by its tone, indented like the screens; wrapped lines keep the indent. */
export function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <Box paddingLeft={2}>
      <Text color={TONE_COLOR[notice.tone]} wrap="wrap">
        {printable(notice.text)}
      </Text>
    </Box>
  );
}
