import { Box, Text } from 'ink';
import { printable } from '../../core/printable.js';

/** Shown over any screen when assuming a role needs a one-time code from an MFA device. */
export function MfaPrompt({ serial, code }: { serial: string; code: string }) {
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>Multi-factor authentication</Text>
      <Text wrap="wrap">{`The role of this profile needs a code from ${printable(serial)}.`}</Text>
      <Text> </Text>
      <Text>
        {'MFA code: '}
        <Text bold>{code}</Text>
        <Text inverse> </Text>
      </Text>
      <Text dimColor>{code.length < 6 ? 'six digits, then ⏎ · esc cancels' : '⏎ to send · esc cancels'}</Text>
    </Box>
  );
}
