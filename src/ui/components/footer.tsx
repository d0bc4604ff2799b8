import { Box, Text } from 'ink';
import type { ScreenKind } from '../../state/app-state.js';
import { bindingsFor, TYPING } from '../keys.js';
import { Rule } from './header.js';

/** The rule and the key hints of a screen, generated from the one key map. */
export function Footer({ screen }: { screen: ScreenKind }) {
  const hints = bindingsFor(screen)
    .filter((binding) => binding.footer)
    .map((binding) => `${binding.label} ${binding.does}`);
  const typing = TYPING[screen];
  if (typing) hints.splice(Math.min(3, hints.length), 0, `type ${typing}`);
  return (
    <Box flexDirection="column">
      <Rule />
      <Text dimColor wrap="truncate-end">
        {'  ' + hints.join('  ')}
      </Text>
    </Box>
  );
}
