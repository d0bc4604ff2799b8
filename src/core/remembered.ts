/**
 * Where the person was when the interactive app ended, so the next start can preselect it.
 * Names only: a profile, a bucket, a folder. Never a URL, a key of an object, or a credential.
 */
export interface RememberedLocation {
  profile: string;
  bucket?: string;
  /** The folder open in the bucket ('' or absent: its top). */
  prefix?: string;
}

export interface Remembered {
  /** The profile chosen last. */
  profile?: string;
  /** Per profile, the bucket and folder open last. */
  places: Record<string, { bucket?: string; prefix?: string }>;
}

export const NOTHING_REMEMBERED: Remembered = { places: {} };

/** At most this many profiles keep their last place (the most recent ones). */
const MAX_PROFILES = 100;
/** Names longer than this are not names S3 would accept; they are not kept. */
const MAX_NAME = 1024;

/** The remembered state after leaving the app at `location`. */
export function rememberLocation(before: Remembered, location: RememberedLocation): Remembered {
  const { profile, bucket, prefix } = location;
  const place = bucket ? { bucket, ...(prefix ? { prefix } : {}) } : {};
  const others = Object.entries(before.places).filter(([name]) => name !== profile);
  const entries: Array<[string, Remembered['places'][string]]> = [[profile, place], ...others];
  const places = Object.fromEntries(entries.slice(0, MAX_PROFILES));
  return { profile, places };
}

/** The remembered state from whatever the file held: anything malformed is dropped, not an error. */
export function rememberedFrom(data: unknown): Remembered {
  if (!isObject(data)) return NOTHING_REMEMBERED;
  const places: Remembered['places'] = {};
  if (isObject(data.places)) {
    for (const [profile, value] of Object.entries(data.places)) {
      if (!isName(profile) || !isObject(value)) continue;
      const bucket = isName(value.bucket) ? value.bucket : undefined;
      const prefix = bucket && isName(value.prefix) ? value.prefix : undefined;
      places[profile] = { ...(bucket ? { bucket } : {}), ...(prefix ? { prefix } : {}) };
    }
  }
  return { ...(isName(data.profile) ? { profile: data.profile } : {}), places };
}

/** Where to start for `profile`: its last bucket and folder, if any. */
export function placeFor(remembered: Remembered, profile: string): { bucket?: string; prefix?: string } {
  return remembered.places[profile] ?? {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME;
}
