import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** A file the app will not read: not a regular file, or larger than it should ever be. */
export class FileRefusedError extends Error {
  override name = 'FileRefused';
}

// Non-blocking, so opening a FIFO returns at once instead of waiting for a writer; no controlling
// terminal from a tty path.
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

function refusal(path: string, stats: Stats, maxBytes: number): FileRefusedError | undefined {
  if (!stats.isFile()) return new FileRefusedError(`${path}: not a regular file`);
  if (stats.size > maxBytes) return new FileRefusedError(`${path}: larger than ${describeSize(maxBytes)}, not read`);
  return undefined;
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/**
 * The text of a regular file of at most `maxBytes`. A FIFO, a device (a symlink to /dev/zero), a
 * directory or an oversized file is refused with a FileRefusedError naming it; the type is checked
 * on the opened descriptor, so the file cannot be swapped between the check and the read.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, FLAGS);
  try {
    const stats = await handle.stat();
    const refused = refusal(path, stats, maxBytes);
    if (refused) throw refused;
    const buffer = Buffer.alloc(Math.min(maxBytes, stats.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new FileRefusedError(`${path}: larger than ${describeSize(maxBytes)}, not read`);
      // It grew since fstat: what was there when opened is what is read.
      if (length === buffer.length) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/** readRegularFile, synchronously; `inspect` sees the open descriptor and its status first (to fix a mode). */
export function readRegularFileSync(
  path: string,
  maxBytes: number,
  inspect?: (fd: number, stats: Stats) => void,
  followSymlink = true,
): string {
  const fd = openSync(path, followSymlink ? FLAGS : FLAGS | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    const refused = refusal(path, stats, maxBytes);
    if (refused) throw refused;
    inspect?.(fd, stats);
    const buffer = Buffer.alloc(Math.min(maxBytes, stats.size) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new FileRefusedError(`${path}: larger than ${describeSize(maxBytes)}, not read`);
      if (length === buffer.length) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
