import type { RowCheck } from '../core/check-each.js';
import type { Row } from '../core/listing.js';
import type { LinkFormat } from '../core/link-formats.js';
import type { Remembered } from '../core/remembered.js';
import type { SortOrder } from '../core/sort-rows.js';
import type {
  Bucket,
  Failure,
  LinkCheck,
  ObjectFacts,
  ObjectVersion,
  PresignOutcome,
  VersioningStatus,
  VersionPage,
  Connection,
  CopyOutcome,
  OpenOutcome,
  HttpMethod,
  ListPage,
  PresignedUrl,
  ProfileDiscovery,
} from '../core/ports.js';
import type { ListNav } from './list-nav.js';

/** Something loaded once: a profile discovery, a bucket list. */
type Load<T> =
  | { status: 'idle' }
  | { status: 'loading'; requestId: number }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: Failure }
  /** The server refused permission: the screen offers to type the name instead. */
  | { status: 'denied'; error: Failure };

/** Where a paged object listing stands. Rows already loaded stay on the screen in every state. */
type Listing =
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

/** Editing keys of a text field besides typing and Backspace. */
export type FieldEdit = 'left' | 'right' | 'home' | 'end' | 'delete' | 'clear' | 'delete-word';

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
  /** Regions found by those lookups, kept beside the list: a region found never copies 100,000 rows. */
  regionsFound?: ReadonlyMap<string, string>;
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
  /** Continuation tokens already followed: a server that repeats one would be asked forever. */
  tokensSent?: ReadonlySet<string>;
  /** Rows in this order (folders first); name order when absent. */
  sort?: SortOrder;
}

/** What the link lets its holder do: download, download under the key's file name, or upload. */
export type LinkKind = 'download' | 'attachment' | 'upload';

/** What a marked row stands for: one object, or every object under a folder at any depth. */
export type MarkKind = 'object' | 'folder';

/** Rows marked (Space) on the object lists of one bucket, by key or folder prefix. */
export interface Marks {
  bucket: string;
  keys: ReadonlyMap<string, MarkKind>;
}

/** Work shown while a long job runs: listing marked folders, signing, checking. */
export interface Progress {
  what: string;
  done: number;
  total?: number;
}

export interface ExpiryScreen {
  kind: 'expiry';
  linkKind: LinkKind;
  bucket: string;
  bucketRegion?: string;
  key: string;
  /** Where the cursor stands in `text`, and whether the prefill is selected (typing replaces it). */
  cursor: number;
  selected: boolean;
  /** Several objects and folders, marked: one link per object, one expiry for all. */
  marked?: ReadonlyMap<string, MarkKind>;
  /** A version of `key` (from the versions screen): the link serves it even after the object changes. */
  versionId?: string;
  /** While marked folders are listed or many links signed. */
  progress?: Progress;
  /** What the recipient gets (HeadObject): null when the object does not exist (yet). */
  facts?: ObjectFacts | null;
  factsRequest?: number;
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
  /** What fetching the link proved, or why it does not work; absent when it was not checked. */
  check?: LinkCheck;
  /** "Copied to the clipboard", or why it could not be. */
  notice?: Notice;
  copyRequest?: number;
  /** What the copy in flight copies: the link, or its s3:// URI. */
  copying?: 'link' | 'uri';
  /** The URL drawn as a QR code instead of text. */
  showQr?: boolean;
}

/** One link of a list of links: signed, or why not; and what its check proved. */
export interface SharedRow {
  key: string;
  url?: string;
  /** Why it could not be signed. */
  problem?: string;
  /** Absent while the check runs, and when links are not checked (--no-check). */
  check?: RowCheck;
}

/** Several links, one per object, with one expiry; scrolled by `offset` rows. */
export interface LinksScreen {
  kind: 'links';
  bucket: string;
  rows: SharedRow[];
  expiresAt: Date;
  signedAt: Date;
  offset: number;
  notice?: Notice;
  copyRequest?: number;
  /** Each signed link is fetched to prove it: how many in all, and the request while it runs. */
  checks?: { total: number; request?: number };
}

/** The versions of one object (ListObjectVersions), newest first. */
export interface VersionsScreen {
  kind: 'versions';
  bucket: string;
  bucketRegion?: string;
  key: string;
  nav: ListNav;
  versions: ObjectVersion[];
  listing: Listing;
  pagesLoaded: number;
  /** Continuation tokens already followed (see ObjectsScreen). */
  tokensSent?: ReadonlySet<string>;
  versioning?: VersioningStatus;
  statusRequest?: number;
}

export type Screen =
  ProfilesScreen | BucketsScreen | ObjectsScreen | ExpiryScreen | ResultScreen | LinksScreen | VersionsScreen;
export type ScreenKind = Screen['kind'];

/** Work for the effects runner; each finishes with an action carrying the same id. */
export type Request =
  | { id: number; kind: 'discover-profiles' }
  | { id: number; kind: 'list-buckets'; connection: Connection }
  | {
      id: number;
      kind: 'list-page';
      connection: Connection;
      bucket: string;
      prefix: string;
      token?: string;
      maxKeys?: number;
    }
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
      versionId?: string;
      /** false with --no-check: shown without being fetched first. */
      check?: boolean;
    }
  | { id: number; kind: 'expand-marks'; connection: Connection; bucket: string; marked: ReadonlyMap<string, MarkKind> }
  | {
      id: number;
      kind: 'presign-all';
      connection: Connection;
      bucket: string;
      bucketRegion?: string;
      keys: readonly string[];
      seconds: number;
    }
  /** Proves each link of the list of links; `row`: where it stands in the list. */
  | { id: number; kind: 'check-links'; connection: Connection; links: readonly { row: number; link: PresignedUrl }[] }
  | { id: number; kind: 'list-versions'; connection: Connection; bucket: string; key: string; token?: string }
  | { id: number; kind: 'versioning-status'; connection: Connection; bucket: string }
  | { id: number; kind: 'describe-object'; connection: Connection; bucket: string; key: string }
  | { id: number; kind: 'bucket-region'; connection: Connection; bucket: string }
  | { id: number; kind: 'credentials-expiry'; connection: Connection }
  | { id: number; kind: 'mfa-answer'; code: string | null }
  | { id: number; kind: 'copy'; text: string }
  | { id: number; kind: 'open-url'; url: string };

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
  /** From the defaults file: the link kind the expiry screen starts on. */
  linkKind?: LinkKind;
  /** From the defaults file: how `c` copies a list of links ('url' is plain URLs). */
  copyFormat?: LinkFormat | 'url';
  /** --no-check: links are shown without being fetched first. */
  noCheck?: boolean;
  /** The last profile, and per profile the last bucket and folder: preselected, not opened. */
  remembered?: Remembered;
}

/** How the app ends: its code, the text for a captured stdout, a line (or lines) for stderr. */
export interface Exit {
  code: number;
  /** The links, one per line, each ending in a newline; written only when stdout is captured. */
  output?: string;
  message?: string;
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
  /** Stdout is not the terminal (`url=$(s3share-tui)`): `q` on a result prints its links there. */
  stdoutCaptured?: boolean;
  /** --bucket/--prefix have opened their screens once. */
  startFlagsUsed?: boolean;
  /** The expiry typed last, offered again for the next object. */
  expiryText: string;
  exit?: Exit;
  /** Rows marked on the object lists of the bucket open now. */
  marks?: Marks;
  /** A question over the current screen: `yes` runs when the person agrees. */
  confirm?: { question: string; yes: Action };
  /** How `c` writes a list of links; kept for the session. */
  copyFormat: LinkFormat;
  /** A message about the last key press (a refused paste, say), cleared by the next key. */
  flash?: Notice;
}

export type Action =
  | { type: 'profiles-discovered'; requestId: number; discovery: ProfileDiscovery }
  | { type: 'buckets-loaded'; requestId: number; buckets: Bucket[] }
  | { type: 'page-loaded'; requestId: number; page: ListPage }
  | { type: 'presigned'; requestId: number; presigned: PresignedUrl; check?: LinkCheck }
  | { type: 'object-described'; requestId: number; facts: ObjectFacts | null }
  | { type: 'copied'; requestId: number; outcome: CopyOutcome }
  | { type: 'opened'; requestId: number; outcome: OpenOutcome }
  | { type: 'bucket-region-found'; requestId: number; bucket: string; region: string }
  | { type: 'marks-expanded'; requestId: number; keys: string[] }
  | { type: 'presigned-all'; requestId: number; keys: readonly string[]; outcomes: PresignOutcome[] }
  /** One link of a `check-links` request answered; `url` when it was signed again. */
  | { type: 'link-checked'; requestId: number; row: number; check: RowCheck; url?: string }
  | { type: 'links-checked'; requestId: number }
  | { type: 'versions-loaded'; requestId: number; page: VersionPage }
  | { type: 'versioning-found'; requestId: number; status: VersioningStatus }
  | { type: 'progress'; requestId: number; progress: Progress }
  | { type: 'credentials-checked'; requestId: number; expiresAt: Date | null }
  | { type: 'mfa-answered'; requestId: number }
  | { type: 'request-failed'; requestId: number; error: Failure }
  | { type: 'mfa-requested'; serial: string }
  /** An adapter's notice (not an error): shown as a warning until the next key. */
  | { type: 'notice'; text: string }
  | { type: 'move'; by: number }
  | { type: 'move-page'; direction: 1 | -1 }
  | { type: 'move-to-start' }
  | { type: 'move-to-end' }
  /** Stops a move waiting for pages (a key with nothing else to do). */
  | { type: 'stop-move' }
  | { type: 'select' }
  | { type: 'type-text'; text: string }
  /** `at`: when the key was pressed (ms), to tell a held Backspace from a new press. */
  | { type: 'erase'; at?: number }
  /** Readline's other editing keys, in the field that has the keys. */
  | { type: 'edit-field'; edit: FieldEdit }
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
  | { type: 'toggle-mark' }
  | { type: 'cycle-sort' }
  | { type: 'copy-uri' }
  | { type: 'open-url' }
  | { type: 'mark-shown' }
  | { type: 'open-versions' }
  | { type: 'cycle-copy-format' }
  | { type: 'scroll'; by: number }
  | { type: 'answer'; yes: boolean }
  /** Forgets the marks; `thenBack` also leaves the screen. */
  | { type: 'drop-marks'; thenBack?: boolean }
  | { type: 'sign-keys'; keys: string[] }
  | { type: 'search-server' }
  | { type: 'interrupt' }
  | { type: 'resize'; rows: number; columns: number };
