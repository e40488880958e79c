import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { sep } from 'node:path';
import { tooLargeReason } from '../core/parse/decode';

/**
 * What a path in a corpus folder is, once looked at without trusting it:
 * a regular file or a folder (with the real path to read, inside the corpus),
 * something never read (with why), or nothing at all.
 */
export type PathKind =
  | {
      readonly kind: 'file';
      readonly realPath: string;
      readonly size: number;
      readonly mtime: number;
      readonly link: boolean;
    }
  | { readonly kind: 'directory'; readonly realPath: string; readonly link: boolean }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'missing' };

const realRoots = new Map<string, string>();

/** The real path of a corpus folder (it may itself be reached through links); the folder itself when it cannot be resolved. */
export function realRootOf(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync.native(root);
    } catch {
      real = root;
    }
    realRoots.set(root, real);
  }
  return real;
}

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Looks at a path without following it blindly: `lstat` first; a link is
 * resolved and must land inside `realRoot` (the corpus folder's real path),
 * and so must the folders the path goes through. FIFOs, sockets and devices
 * are never opened: reading one would hang or never end.
 */
export function inspectPath(path: string, realRoot: string): PathKind {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    return { kind: 'skipped', reason: `cannot be looked at: ${errorText(error)}` };
  }
  const link = stats.isSymbolicLink();
  let realPath: string;
  try {
    realPath = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'skipped', reason: 'is a link loop; not followed' };
    if (link && code === 'ENOENT') return { kind: 'skipped', reason: 'is a link to nothing; not followed' };
    return { kind: 'skipped', reason: `cannot be looked at: ${errorText(error)}` };
  }
  if (!isInside(realRoot, realPath))
    return { kind: 'skipped', reason: `is a link to ${realPath}, outside the corpus folder; not followed` };
  if (link) {
    try {
      stats = statSync(realPath);
    } catch (error) {
      return { kind: 'skipped', reason: `cannot be looked at: ${errorText(error)}` };
    }
  }
  if (stats.isFile()) return { kind: 'file', realPath, size: stats.size, mtime: stats.mtimeMs, link };
  if (stats.isDirectory()) return { kind: 'directory', realPath, link };
  return { kind: 'skipped', reason: notRegularReason(stats) };
}

/** Why a file system entry that is not a regular file or folder is not read. */
export function notRegularReason(stats: Stats): string {
  const what = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isDirectory()
          ? 'a folder'
          : 'not a regular file';
  return `is ${what}, not a regular file; not read`;
}

export type ReadBytes =
  | { readonly ok: true; readonly bytes: Buffer; readonly size: number; readonly mtime: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a regular file of at most `maxBytes`, safely: the last part of the
 * path is not followed if it is a link (`realPath` should come from
 * `inspectPath`), the open does not block on a FIFO, and what was opened
 * must be a regular file no larger than the limit. Reads at most
 * `maxBytes + 1` bytes whatever the file claims, so a file that grows, or a
 * device, cannot take unbounded memory. Never throws.
 */
export function readRegularFile(realPath: string, maxBytes: number): ReadBytes {
  let fd: number;
  try {
    fd = openSync(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, reason: 'is a link; not followed' };
    if (code === 'EISDIR') return { ok: false, reason: 'is a folder, not a regular file; not read' };
    return { ok: false, reason: `cannot be read: ${errorText(error)}` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: notRegularReason(stats) };
    if (stats.size > maxBytes) return { ok: false, reason: tooLargeReason(stats.size, maxBytes) };
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return { ok: false, reason: tooLargeReason(length, maxBytes) };
      if (length === buffer.length) break;
    }
    return { ok: true, bytes: buffer.subarray(0, length), size: length, mtime: stats.mtimeMs };
  } catch (error) {
    return { ok: false, reason: `cannot be read: ${errorText(error)}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file that shapes a corpus folder (a topic list, an entity catalog,
 * a folder configuration) as UTF-8 text, with the same care as an article:
 * regular files inside the folder only, no larger than `maxBytes`. Gives
 * undefined when there is no such file, and the reason when there is one
 * that cannot be read.
 */
export function readFolderFile(
  path: string,
  realRoot: string,
  maxBytes: number,
): { readonly text: string } | { readonly reason: string } | undefined {
  const found = inspectPath(path, realRoot);
  if (found.kind === 'missing') return undefined;
  if (found.kind === 'skipped') return { reason: found.reason };
  if (found.kind === 'directory') return { reason: 'is a folder, not a regular file; not read' };
  const read = readRegularFile(found.realPath, maxBytes);
  if (!read.ok) return { reason: read.reason };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { reason: 'is not valid UTF-8 text' };
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** An error's message, without Node's `ENOENT: ` prefix doubling what it says. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return text;
}

/** Largest note `check` or `entities` reads: notes are the user's own, and may be long. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a note named on the command line as UTF-8 text: a regular file (a
 * link the user names is followed: it is their choice), never a FIFO or a
 * device, and at most `MAX_NOTE_BYTES`. Throws with what the path is when it
 * cannot be read.
 */
export function readNoteText(path: string): string {
  let realPath: string;
  try {
    realPath = realpathSync.native(path);
  } catch (error) {
    throw new Error(`${path}: ${isMissing(error) ? 'file not found' : errorText(error)}`, { cause: error });
  }
  const read = readRegularFile(realPath, MAX_NOTE_BYTES);
  if (!read.ok) throw new Error(`${path}: ${read.reason}`);
  return new TextDecoder('utf-8').decode(read.bytes);
}
