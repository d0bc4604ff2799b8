import { Box, Text } from 'ink';
import type { Profile, ProfileDiscovery } from '../../core/ports.js';
import { printable } from '../../core/printable.js';
import { columnWidth, padToWidth } from '../../core/display-width.js';
import { shownEndpoint } from '../../core/redact.js';
import type { ProfilesScreen, State } from '../../state/app-state.js';
import { profileMatches } from '../../state/selectors.js';
import { NoticeLine } from '../components/notice-line.js';
import { CountStatus, FilterLine } from '../components/filter-line.js';
import { highlightedCell } from '../components/highlighted-name.js';
import { NoMatchLine } from '../components/no-match-line.js';
import { Spinner } from '../components/spinner.js';
import { WindowList } from '../components/window-list.js';

const KIND_LABEL: Record<Profile['kind'], string> = {
  keys: 'keys',
  sso: 'SSO',
  role: 'role',
  process: 'process',
  environment: 'env vars',
  none: '',
};

export function ProfilePicker({ state, screen, height }: { state: State; screen: ProfilesScreen; height: number }) {
  const { discovery } = state;
  if (discovery.status === 'loading' || discovery.status === 'idle') return <Spinner label="Reading AWS profiles…" />;
  if (discovery.status === 'failed' || discovery.status === 'denied') {
    return (
      <NoticeLine notice={{ tone: 'error', text: `Could not read the AWS config files: ${discovery.error.message}` }} />
    );
  }
  if (discovery.value.profiles.length === 0) return <NoProfiles discovery={discovery.value} />;
  const matches = profileMatches(state, screen.nav.filter);
  const profiles = matches.rows;
  const total = discovery.value.profiles.length;
  const nameWidth = columnWidth(profiles, (p) => p.name, 8, 32);
  const noMatch = profiles.length === 0;
  return (
    <Box flexDirection="column">
      <FilterLine
        filter={screen.nav.filter}
        right={
          <CountStatus
            cursor={screen.nav.cursor}
            shown={profiles.length}
            total={total}
            noun="profile"
            filter={screen.nav.filter}
            columns={state.terminal.columns}
          />
        }
      />
      {noMatch ? <NoMatchLine /> : null}
      {screen.error ? <Text color="red">{`  ${printable(screen.error)}`}</Text> : null}
      <Problems discovery={discovery.value} />
      <WindowList
        items={profiles}
        cursor={screen.nav.cursor}
        offset={screen.nav.offset}
        height={height - (noMatch ? 1 : 0) - (screen.error ? 1 : 0) - (discovery.value.problems?.length ?? 0)}
        rowKey={(p) => p.name}
        renderRow={(profile, selected) => (
          <Text wrap="truncate-end">
            <Text bold={selected}>{highlightedCell(profile.name, matches.positions(profile), nameWidth)}</Text>
            {'  '}
            <Text color="green">{padToWidth(printable(profile.region ?? '(no region)'), 16)}</Text>
            <Text dimColor>{KIND_LABEL[profile.kind]}</Text>
            {profile.endpointUrl ? <Text dimColor>{`  ${shownEndpoint(profile.endpointUrl)}`}</Text> : null}
          </Text>
        )}
      />
    </Box>
  );
}

function Problems({ discovery }: { discovery: ProfileDiscovery }) {
  return (
    <>
      {(discovery.problems ?? []).map((problem) => (
        <Text key={problem} color="yellow" wrap="truncate-end">{`  ${printable(problem)}`}</Text>
      ))}
    </>
  );
}

function NoProfiles({ discovery }: { discovery: ProfileDiscovery }) {
  return (
    <Box flexDirection="column" paddingLeft={2}>
      <Text bold>No AWS profiles found.</Text>
      <Problems discovery={discovery} />
      <Text>Looked in:</Text>
      {discovery.files.map((file) => (
        <Text
          key={file.path}
        >{`  ${printable(file.path)}  (${file.state === 'read' ? 'no profiles in it' : file.state})`}</Text>
      ))}
      <Text> </Text>
      <Text>
        Run <Text color="cyan">aws configure</Text> (or <Text color="cyan">aws configure sso</Text>) to create a
        profile, or point AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE at your files.
      </Text>
    </Box>
  );
}
