// Types of seed-plan.mjs, for the tests that check the demo against it.

export interface DemoObject {
  bucket: string;
  key: string;
  contentType: string;
  modified: Date;
  body(): Buffer;
}

export interface DemoFolder {
  bucket: string;
  /** Ends with "/". */
  prefix: string;
}

export const DEMO_PROFILES: ReadonlyArray<{ name: string; region: string }>;
export const DEMO_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };
export const LOG_PREFIX: string;
export const LOG_COUNT: number;

export function demoObjects(): DemoObject[];
export function demoBuckets(objects?: readonly DemoObject[]): string[];
export function demoFolders(objects?: readonly DemoObject[]): DemoFolder[];
export function demoBody(bucket: string, key: string): Buffer;
