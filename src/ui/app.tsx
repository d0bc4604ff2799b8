import { Box, Text, useApp, useStdout } from 'ink';
import { Component, useCallback, useEffect, useReducer, type ReactNode } from 'react';
import { noticeSentence } from '../core/notice-channel.js';
import type { ProfileDiscovery, Services } from '../core/ports.js';
import type { RememberedLocation } from '../core/remembered.js';
import type { Action, Screen, StartOptions, State } from '../state/app-state.js';
import { initialState, reducer } from '../state/reducer.js';
import { ABORTED } from '../state/quit.js';
import { listHeight, MIN_COLUMNS, MIN_ROWS, tooSmall, topScreen } from '../state/selectors.js';
import { Footer } from './components/footer.js';
import { Header } from './components/header.js';
import { NoticeLine } from './components/notice-line.js';
import { useKeyPresses } from './key-input.js';
import { keystrokes, resolveKey, type KeyPress } from './keys.js';
import { BucketPicker } from './screens/bucket-picker.js';
import { ExpiryInput } from './screens/expiry-input.js';
import { Help } from './screens/help.js';
import { MfaPrompt } from './screens/mfa-prompt.js';
import { ObjectBrowser } from './screens/object-browser.js';
import { ProfilePicker } from './screens/profile-picker.js';
import { Links } from './screens/links.js';
import { Result } from './screens/result.js';
import { Versions } from './screens/versions.js';
import { ServicesContext } from './services-context.js';
import { useRequests } from './use-requests.js';
import { wrapWords } from './wrap-text.js';

export interface AppExit {
  code: number;
  /** The links left with `q`, one per line: what a captured stdout gets. */
  output?: string;
  /** Why the app ended on an error, or what was left out of `output` (a line each). */
  message?: string;
  /** Where the person was (names only), to preselect next time. */
  location?: RememberedLocation;
}

interface AppProps {
  services: Services;
  options: StartOptions;
  /** Profiles read before the first render: the first frame shows them. */
  initialDiscovery?: ProfileDiscovery | undefined;
  /** Stdout is not the terminal: the footer says what `q` prints. */
  stdoutCaptured?: boolean;
  onExit: (exit: AppExit) => void;
}

type KeyEvent = { type: 'key'; input: string; key: KeyPress; at: number };

function appReducer(state: State, event: Action | KeyEvent): State {
  if (event.type !== 'key') return reducer(state, event);
  const action = resolveKey(state, event.input, event.key, event.at);
  return action ? reducer(state, action) : state;
}

export function App(props: AppProps) {
  const app = useApp();
  return (
    <CrashGuard onExit={props.onExit} exit={() => app.exit()}>
      <ServicesContext.Provider value={props.services}>
        <Screens {...props} />
      </ServicesContext.Provider>
    </CrashGuard>
  );
}

function Screens({ services, options, initialDiscovery, stdoutCaptured = false, onExit }: AppProps) {
  const { stdout } = useStdout();
  const app = useApp();
  const exit = useCallback(() => app.exit(), [app]);
  const [state, dispatch] = useReducer(appReducer, undefined, () => {
    const initial = initialState(options, terminalSize(stdout), { stdoutCaptured });
    // Profiles read before the first render answer the initial state's own discovery request.
    const request = initial.requests.find((r) => r.kind === 'discover-profiles');
    return initialDiscovery && request
      ? reducer(initial, { type: 'profiles-discovered', requestId: request.id, discovery: initialDiscovery })
      : initial;
  });

  useRequests(state.requests, services, dispatch);
  // Keys go to the reducer as events: it resolves them against the newest state.
  useKeyPresses((press) => {
    const at = Date.now();
    for (const key of keystrokes(press)) dispatch({ type: 'key', ...key, at });
  });
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', ...terminalSize(stdout) });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  useEffect(() => services.mfa?.onAsk((serial) => dispatch({ type: 'mfa-requested', serial })), [services.mfa]);
  useEffect(
    () => services.notices?.onNotice((line) => dispatch({ type: 'notice', text: noticeSentence(line) })),
    [services.notices],
  );
  useEffect(() => {
    if (!state.exit) return;
    const location = whereLeft(state);
    onExit({ ...state.exit, ...(location ? { location } : {}) });
    exit();
  }, [state.exit, onExit, exit]);

  const { columns, rows } = state.terminal;
  if (state.exit) return <FinalFrame state={state} />;
  if (tooSmall(state)) {
    return (
      <Text wrap="wrap">{`Terminal too small (${columns}×${rows}): s3share-tui needs at least ${MIN_COLUMNS} columns and ${MIN_ROWS} rows. Enlarge it, or press q to quit.`}</Text>
    );
  }
  const screen = topScreen(state);
  return (
    <Box flexDirection="column">
      <Header trail={breadcrumb(state)} />
      {state.mfa ? (
        <MfaPrompt serial={state.mfa.serial} code={state.mfa.code} />
      ) : state.confirm ? (
        <NoticeLine notice={{ tone: 'warning', text: state.confirm.question }} />
      ) : state.help ? (
        <Help state={state} />
      ) : (
        <CurrentScreen state={state} screen={screen} />
      )}
      {state.flash ? <NoticeLine notice={state.flash} /> : null}
      <Footer state={state} />
    </Box>
  );
}

function CurrentScreen({ state, screen }: { state: State; screen: Screen }) {
  const height = listHeight(state);
  switch (screen.kind) {
    case 'profiles':
      return <ProfilePicker state={state} screen={screen} height={height} />;
    case 'buckets':
      return <BucketPicker screen={screen} height={height} columns={state.terminal.columns} />;
    case 'objects':
      return <ObjectBrowser screen={screen} height={height} columns={state.terminal.columns} marks={state.marks} />;
    case 'expiry':
      return <ExpiryInput screen={screen} rows={state.terminal.rows} columns={state.terminal.columns} />;
    case 'result':
      return (
        <Result
          screen={screen}
          columns={state.terminal.columns}
          rows={state.terminal.rows}
          room={screenRoom(state)}
          profile={state.connection?.profile}
        />
      );
    case 'links':
      return (
        <Links screen={screen} format={state.copyFormat} columns={state.terminal.columns} rows={state.terminal.rows} />
      );
    case 'versions':
      return <Versions screen={screen} height={height} columns={state.terminal.columns} />;
  }
}

/** What stays on the terminal after `q` on a result: the links, failed ones too (say why); else nothing. */
function FinalFrame({ state }: { state: State }) {
  const screen = topScreen(state);
  if (state.exit?.code === ABORTED) return null;
  if (screen.kind === 'links') {
    return (
      <Links
        screen={{ ...screen, notice: undefined }}
        format={state.copyFormat}
        columns={state.terminal.columns}
        rows={Number.MAX_SAFE_INTEGER}
      />
    );
  }
  if (screen.kind !== 'result') return null;
  return (
    <Result
      screen={{ ...screen, showQr: false }}
      final
      columns={state.terminal.columns}
      rows={state.terminal.rows}
      // The same choice as on screen, so the URL is in view when the shell's prompt comes back.
      room={state.terminal.rows - 1}
    />
  );
}

/** Rows between the header (breadcrumb, rule) and the footer (a flash message, rule, key hints). */
function screenRoom(state: State): number {
  const { rows, columns } = state.terminal;
  const flash = state.flash ? wrapWords(state.flash.text, columns - 2).length : 0;
  return rows - HEADER_ROWS - FOOTER_ROWS - flash;
}

const HEADER_ROWS = 2;
const FOOTER_ROWS = 2;

function breadcrumb(state: State): string[] {
  const trail: string[] = [];
  if (state.connection && state.stack.length > 1) trail.push(state.connection.profile);
  const screen = topScreen(state);
  if (screen.kind === 'objects') {
    const where = screen.prefix + (screen.search !== undefined ? `${screen.search}*` : '');
    trail.push(screen.bucket, ...(where ? [where] : []));
  }
  if (screen.kind === 'expiry') trail.push(screen.bucket, screen.marked ? `${screen.marked.size} marked` : screen.key);
  if (screen.kind === 'result') trail.push(screen.presigned.bucket, screen.presigned.key);
  if (screen.kind === 'links') trail.push(screen.bucket, `${screen.rows.length} objects`);
  if (screen.kind === 'versions') trail.push(screen.bucket, screen.key, 'versions');
  return trail;
}

/** The profile, and the bucket and folder open deepest in the stack, when the app ends. */
function whereLeft(state: State): RememberedLocation | undefined {
  if (!state.connection) return undefined;
  const objects = state.stack.findLast((screen) => screen.kind === 'objects');
  if (objects?.kind !== 'objects') return { profile: state.connection.profile };
  return {
    profile: state.connection.profile,
    bucket: objects.bucket,
    ...(objects.prefix ? { prefix: objects.prefix } : {}),
  };
}

function terminalSize(stdout: NodeJS.WriteStream): { rows: number; columns: number } {
  return { rows: stdout.rows || 24, columns: stdout.columns || 80 };
}

/** A bug in a screen ends the app with one line, not a stack trace over the user's terminal. */
interface CrashGuardProps {
  onExit: (exit: AppExit) => void;
  exit: () => void;
  children: ReactNode;
}

class CrashGuard extends Component<CrashGuardProps, { crashed?: string }> {
  override state: { crashed?: string } = {};

  static getDerivedStateFromError(error: unknown) {
    return { crashed: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }

  override componentDidCatch() {
    this.props.onExit({ code: 1, message: `s3share-tui: internal error: ${this.state.crashed ?? 'unknown'}` });
    this.props.exit();
  }

  override render() {
    return this.state.crashed === undefined ? this.props.children : null;
  }
}
