import { Box, Text } from 'ink';
import { printable } from '../../core/printable.js';

/** "s3share › profile › bucket › prefix/" and a rule under it. */
export function Header({ trail }: { trail: readonly string[] }) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-start">
        <Text bold color="cyan">
          {' s3share'}
        </Text>
        {trail.map((part, i) => (
          <Text key={i}>
            <Text dimColor>{'  ›  '}</Text>
            <Text bold={i === trail.length - 1}>{printable(part)}</Text>
          </Text>
        ))}
      </Text>
      <Rule />
    </Box>
  );
}

/**
 * A horizontal rule sized by the layout, not by a column count: when the terminal narrows, the
 * frame Ink redraws at once (before React re-renders) must not hold lines wider than the terminal.
 */
export function Rule() {
  return (
    <Box
      marginX={1}
      borderStyle="single"
      borderDimColor
      borderTop
      borderBottom={false}
      borderLeft={false}
      borderRight={false}
    />
  );
}
