import type { Row } from '../core/listing.js';
import type {
  Bucket,
  Failure,
  Connection,
  CopyOutcome,
  HttpMethod,
  ListPage,
  PresignedUrl,
  ProfileDiscovery,
} from '../core/ports.js';
import type { ListNav } from './list-nav.js';

/** Something loaded once: a profile discovery, a bucket list. */
export type Load<T> =
  | { status: 'idle' }
  | { status: 'loading'; requestId: number }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: Failure }
  /** The server refused permission: the screen offers to type the name instead. */
  | { status: 'denied'; error: Failure };

/** Where a paged object listing stands. Rows already loaded stay on the screen in every state. */
export type Listing =
  /** Nothing asked yet: the first page is fetched when the screen reaches the top. */
  | { status: 'idle' }
  | { status: 'loading'; requestId: number; token?: string }
  /** At least one page arrived and the server has more after `nextToken`. */
  | { status: 'more'; nextToken: string }
  | { status: 'complete' }
  /** A page failed; `token` is where a retry starts (undefined: the first page). */
  | { status: 'failed'; error: Failure; token?: string }
  /** Listing the folder was refused before any row arrived: the key is typed instead. */
  | { status: 'denied'; error: Failure };

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A one-line message on a screen, with how it should look. */
export interface Notice {
  tone: Tone;
  text: string;
}

export interface ProfilesScreen {
  kind: 'profiles';
  nav: ListNav;
  error?: string;
}

export interface BucketsScreen {
  kind: 'buckets';
  nav: ListNav;
  load: Load<Bucket[]>;
  /** Buckets whose region has been asked for (looked up lazily, for rows on screen). */
  regionsAsked?: ReadonlySet<string>;
}

export interface ObjectsScreen {
  kind: 'objects';
  bucket: string;
  /** Known from the bucket list; otherwise the adapter looks it up. */
  bucketRegion?: string;
  prefix: string;
  /** A server-side search: keys under `prefix` that start with this text. */
  search?: string;
  nav: ListNav;
  rows: Row[];
  listing: Listing;
  pagesLoaded: number;
}

/** What the link lets its holder do: download, download under the key's file name, or upload. */
export type LinkKind = 'download' | 'attachment' | 'upload';

export interface ExpiryScreen {
  kind: 'expiry';
  linkKind: LinkKind;
  bucket: string;
  bucketRegion?: string;
  key: string;
  text: string;
  error?: string;
  /** The presign request in flight. */
  pendingRequest?: number;
  credentialsRequest?: number;
  /** When the signing credentials end: a Date for temporary ones, null for long-term keys. */
  credentialsExpireAt?: Date | null;
}

export interface ResultScreen {
  kind: 'result';
  presigned: PresignedUrl;
  /** "Copied to the clipboard", or why it could not be. */
  notice?: Notice;
  copyRequest?: number;
  /** The URL drawn as a QR code instead of text. */
  showQr?: boolean;
}

export type Screen = ProfilesScreen | BucketsScreen | ObjectsScreen | ExpiryScreen | ResultScreen;
export type ScreenKind = Screen['kind'];

/** Work for the effects runner; each finishes with an action carrying the same id. */
export type Request =
  | { id: number; kind: 'discover-profiles' }
  | { id: number; kind: 'list-buckets'; connection: Connection }
  | { id: number; kind: 'list-page'; connection: Connection; bucket: string; prefix: string; token?: string; maxKeys?: number }
  | {
      id: number;
      kind: 'presign';
      connection: Connection;
      bucket: string;
      bucketRegion?: string;
      key: string;
      seconds: number;
      method: HttpMethod;
      downloadName?: string;
    }
  | { id: number; kind: 'bucket-region'; connection: Connection; bucket: string }
  | { id: number; kind: 'credentials-expiry'; connection: Connection }
  | { id: number; kind: 'mfa-answer'; code: string | null }
  | { id: number; kind: 'copy'; text: string };

/** What the command line asked for before the first screen. */
export interface StartOptions {
  profile?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
  endpointUrl?: string;
  pathStyle?: boolean;
  /** Prefills the expiry input (from --hours, --expires or --expires-in). */
  expiryText?: string;
}

export interface State {
  options: StartOptions;
  discovery: Load<ProfileDiscovery>;
  connection?: Connection;
  stack: Screen[];
  /** The key help, over the current screen, scrolled by `offset` rows. */
  help?: { offset: number };
  /** A role asked for an MFA code: the prompt shows over every screen and overlay. */
  mfa?: { serial: string; code: string };
  terminal: { rows: number; columns: number };
  requests: Request[];
  nextRequestId: number;
  /** The last URL shown, written to stdout on exit when stdout is not a terminal. */
  lastUrl?: string;
  /** --bucket/--prefix have opened their screens once. */
  startFlagsUsed?: boolean;
  /** The expiry typed last, offered again for the next object. */
  expiryText: string;
  exit?: { code: number };
  /** A message about the last key press (a refused paste, say), cleared by the next key. */
  flash?: Notice;
}

export type Action =
  | { type: 'profiles-discovered'; requestId: number; discovery: ProfileDiscovery }
  | { type: 'buckets-loaded'; requestId: number; buckets: Bucket[] }
  | { type: 'page-loaded'; requestId: number; page: ListPage }
  | { type: 'presigned'; requestId: number; presigned: PresignedUrl }
  | { type: 'copied'; requestId: number; outcome: CopyOutcome }
  | { type: 'bucket-region-found'; requestId: number; bucket: string; region: string }
  | { type: 'credentials-checked'; requestId: number; expiresAt: Date | null }
  | { type: 'mfa-answered'; requestId: number }
  | { type: 'request-failed'; requestId: number; error: Failure }
  | { type: 'mfa-requested'; serial: string }
  | { type: 'move'; by: number }
  | { type: 'move-page'; direction: 1 | -1 }
  | { type: 'move-to-start' }
  | { type: 'move-to-end' }
  | { type: 'select' }
  | { type: 'type-text'; text: string }
  /** `at`: when the key was pressed (ms), to tell a held Backspace from a new press. */
  | { type: 'erase'; at?: number }
  | { type: 'back' }
  | { type: 'retry' }
  | { type: 'toggle-help' }
  | { type: 'scroll-help'; by: number; max: number }
  | { type: 'copy-url' }
  | { type: 'another-object' }
  | { type: 'change-expiry' }
  | { type: 'quit' }
  | { type: 'cycle-link-kind' }
  | { type: 'toggle-qr' }
  | { type: 'search-server' }
  | { type: 'interrupt' }
  | { type: 'resize'; rows: number; columns: number };
