import { Text } from 'ink';

/** The line right under the filter when nothing matches it, and what else to try, if anything. */
export function NoMatchLine({ hint }: { hint?: string | undefined }) {
  return <Text dimColor wrap="truncate-end">{`  no match${hint ? ` · ${hint}` : ''}`}</Text>;
}
