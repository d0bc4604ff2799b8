import { Box, Text } from 'ink';
import type { ScreenKind } from '../../state/app-state.js';
import { BINDINGS, TYPING } from '../keys.js';

const SCREEN_NAMES: Record<ScreenKind, string> = {
  profiles: 'profiles',
  buckets: 'buckets',
  objects: 'objects',
  expiry: 'expiry',
  result: 'result',
};

/** Every binding, generated from the key map. */
export function Help() {
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>Keys</Text>
      {BINDINGS.map((binding, i) => (
        <Text key={i} wrap="truncate-end">
          <Text color="cyan">{binding.label.padEnd(12)}</Text>
          {binding.does.padEnd(18)}
          <Text dimColor>
            {binding.screens === 'all' ? 'everywhere' : binding.screens.map((s) => SCREEN_NAMES[s]).join(', ')}
          </Text>
        </Text>
      ))}
      {Object.entries(TYPING).map(([screen, what]) => (
        <Text key={screen} wrap="truncate-end">
          <Text color="cyan">{'typing'.padEnd(12)}</Text>
          {what.padEnd(18)}
          <Text dimColor>{screen}</Text>
        </Text>
      ))}
      <Text> </Text>
      <Text dimColor>Press any key to close.</Text>
    </Box>
  );
}
