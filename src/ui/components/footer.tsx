import { Box, Text } from 'ink';
import type { State } from '../../state/app-state.js';
import { activeBindings, type Binding } from '../keys.js';
import { Rule } from './header.js';

const INDENT = '  ';
const GAP = '  ';

/**
 * The key hints of whatever owns the keys, generated from the one key map: only keys that do
 * something now. When the line is too narrow, the least-used hints go first (they stay in `?`
 * help); a hint is never cut in half.
 */
export function footerHints(state: State, columns: number): string[] {
  const shown = activeBindings(state).filter(
    (binding): binding is Binding & { footer: number } => binding.footer !== undefined,
  );
  const hints = shown.map((binding) => ({ text: `${binding.label} ${binding.does}`, rank: binding.footer }));
  const fits = () =>
    INDENT.length + hints.reduce((width, hint, i) => width + hint.text.length + (i ? GAP.length : 0), 0) <= columns;
  while (!fits() && hints.length > 1) {
    const dropped = hints.reduce((worst, hint, i) => (hint.rank > (hints[worst]?.rank ?? -1) ? i : worst), 0);
    hints.splice(dropped, 1);
  }
  return hints.map((hint) => hint.text);
}

export function Footer({ state }: { state: State }) {
  return (
    <Box flexDirection="column">
      <Rule />
      <Text dimColor wrap="truncate-end">
        {INDENT + footerHints(state, state.terminal.columns).join(GAP)}
      </Text>
    </Box>
  );
}
