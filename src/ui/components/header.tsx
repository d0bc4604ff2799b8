import { Box, Text } from 'ink';
import { printable } from '../../core/printable.js';

/** "s3share › profile › bucket › prefix/" and a rule under it. */
export function Header({ trail, columns }: { trail: readonly string[]; columns: number }) {
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
      <Rule columns={columns} />
    </Box>
  );
}

export function Rule({ columns }: { columns: number }) {
  return <Text dimColor>{' ' + '─'.repeat(Math.max(0, columns - 2))}</Text>;
}
