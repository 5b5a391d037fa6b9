/**
 * Session files on disk: a crash-safe, backed-up write and a bounded, strict
 * read. Plain Node fs, no Electron, so the tests run on real files (and a
 * child process can be killed in the middle of real saves).
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_SESSION_BYTES } from '../../shared/limits';
import type { FileProblem, ReadFailureReason } from '../../shared/messages';

/**
 * The fs calls a save makes. Tests hand in real fs with one call swapped for
 * one that fails (a full disk, a read-only backup) to prove what is left on
 * disk afterwards.
 */
export interface SaveFs {
  open: typeof fsp.open;
  copyFile: typeof fsp.copyFile;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
  lstat: typeof fsp.lstat;
  readlink: typeof fsp.readlink;
  access: typeof fsp.access;
  readdir: (path: string) => Promise<string[]>;
}

export const nodeSaveFs: SaveFs = {
  open: fsp.open,
  copyFile: fsp.copyFile,
  rename: fsp.rename,
  rm: fsp.rm,
  lstat: fsp.lstat,
  readlink: fsp.readlink,
  access: fsp.access,
  readdir: (path) => fsp.readdir(path),
};

export interface AtomicWriteOptions {
  /**
   * Keep the replaced version as `<target>.bak` (default true). Exports turn
   * it off: they are made again from the session at will, and a .bak beside
   * every PDF would only clutter the folder.
   */
  backup?: boolean;
  fs?: SaveFs;
}

/** Suffix of the backup that holds the version a save replaced. */
export const BACKUP_SUFFIX = '.bak';

/**
 * Temp files of a save are hidden and say whose they are:
 * `.Atlas.wavelength.~wavelength-1a2b3c4d5e6f.tmp`, so the next save (or the
 * next start, for the app's own folders) can find and remove what a crash left
 * behind, and nothing else.
 */
const TEMP_MARK = '~wavelength-';
const TEMP_PATTERN = /^\.(.+)\.~wavelength-[0-9a-f]{12}\.tmp$/;
/** What versions before 0.1 left: `.Atlas.wavelength.1a2b3c4d5e6f.tmp`; only removed for the file being saved. */
const LEGACY_TEMP_PATTERN = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;
/** Another target's temp file this old is no save in progress (a save takes seconds). */
const STALE_TEMP_AGE_MS = 10 * 60 * 1000;
/** Symbolic links followed before giving up (the kernel's own limit is 40). */
const MAX_LINK_HOPS = 40;

export function tempPathFor(targetPath: string): string {
  return join(dirname(targetPath), `.${basename(targetPath)}.${TEMP_MARK}${randomBytes(6).toString('hex')}.tmp`);
}

/** Whether a name in a folder is one of the app's temp files (of `forName`, when given). */
export function isTempFileName(name: string, forName?: string): boolean {
  const match = TEMP_PATTERN.exec(name);
  return match !== null && (forName === undefined || match[1] === forName || match[1] === forName + BACKUP_SUFFIX);
}

/** A write that failed, with what the user is told: the reason, the OS's code, and whether the file is as it was. */
export class FileWriteError extends Error {
  override name = 'FileWriteError';
  constructor(
    readonly problem: FileProblem,
    readonly osCode: string | null,
    /** False only when writing into the target itself had begun (a hard-linked file). */
    readonly targetUnchanged: boolean,
    cause?: unknown,
  ) {
    super(`${problem}${osCode ? ` (${osCode})` : ''}`, { cause });
  }
}

export interface WriteOutcome {
  /** The file that now holds the data: the target, or the file a symbolic link points to. */
  writtenTo: string;
  /** Whether `<file>.bak` holds the replaced version now; 'none' when there was nothing to back up or backup was off. */
  backup: 'updated' | 'none' | { problem: FileProblem; osCode: string | null };
}

/** The problem an fs error means for the user, and the OS's code for it. */
export function fileProblemOf(error: unknown): { problem: FileProblem; osCode: string | null } {
  if (error instanceof FileWriteError) return { problem: error.problem, osCode: error.osCode };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const osCode = typeof code === 'string' ? code : null;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { problem: 'diskFull', osCode };
    case 'EROFS':
      return { problem: 'readOnlyVolume', osCode };
    case 'EACCES':
    case 'EPERM':
      return { problem: 'noPermission', osCode };
    case 'ENOENT':
    case 'ENOTDIR':
      return { problem: 'folderMissing', osCode };
    case 'EISDIR':
      return { problem: 'isFolder', osCode };
    case 'ENAMETOOLONG':
      return { problem: 'nameTooLong', osCode };
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return { problem: 'locked', osCode };
    default:
      return { problem: 'other', osCode };
  }
}

const failWith = (error: unknown, targetUnchanged: boolean): FileWriteError => {
  if (error instanceof FileWriteError) return error;
  const { problem, osCode } = fileProblemOf(error);
  return new FileWriteError(problem, osCode, targetUnchanged, error);
};

/** Saves to one path run one after another, so no save removes another's temp file as stale. */
const writesInFlight = new Map<string, Promise<unknown>>();

/**
 * Replace `targetPath` with `data` so that at every instant the target is
 * either the old file or the new one, whole, and nothing is lost on the way:
 *
 * 1. follow symbolic links: the file they point to is written and the link
 *    stays a link (a sync folder's link keeps pointing at the new version);
 * 2. refuse a file marked read-only (FileWriteError 'readOnlyFile'), before
 *    anything is written — the user is offered Save as…;
 * 3. remove this file's temp files a killed save left behind, and the app's
 *    temp files in the folder that are older than a save can take;
 * 4. write a temp file next to the target (same folder → same file system,
 *    so the rename below is atomic) and fsync it;
 * 5. back up the current version: copy it to a temp file, fsync, rename that
 *    over `<target>.bak` — the old .bak stays whole until the new one is;
 *    a full disk here fails the save with both files as they were; a .bak
 *    that may not be replaced (someone else's) is left alone and reported,
 *    but does not stop the save;
 * 6. rename the temp file over the target — or, for a file with several hard
 *    links, write into it in place, so every name sees the new version;
 * 7. fsync the folder so the rename itself survives a power cut (not possible
 *    on Windows; skipped there).
 *
 * Throws FileWriteError; every temp file is removed on the way out.
 */
export function writeFileAtomic(targetPath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  const key = resolve(targetPath);
  const previous = writesInFlight.get(key) ?? Promise.resolve();
  const result = previous.then(
    () => writeNow(targetPath, data, options),
    () => writeNow(targetPath, data, options),
  );
  const settled = result.catch(() => undefined);
  writesInFlight.set(key, settled);
  void settled.then(() => {
    if (writesInFlight.get(key) === settled) writesInFlight.delete(key);
  });
  return result;
}

async function writeNow(targetPath: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<WriteOutcome> {
  const fs = options.fs ?? nodeSaveFs;
  const target = await resolveTarget(targetPath, fs);
  const folder = dirname(target.path);
  await removeStaleTempFiles(folder, fs, basename(target.path));

  // Text as UTF-8; bytes (PDF, PNG) as they are.
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tempPath = tempPathFor(target.path);
  let backup: WriteOutcome['backup'] = 'none';
  try {
    await writeNewFile(fs, tempPath, bytes, target.mode ?? 0o666);
    if (target.exists && options.backup !== false) backup = await updateBackup(fs, target.path, target.mode ?? 0o666);
    if (target.hardLinked) {
      await writeInPlace(fs, target.path, bytes);
      await fs.rm(tempPath, { force: true });
    } else {
      await fs.rename(tempPath, target.path);
    }
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw failWith(error, true);
  }
  await syncFolder(fs, folder);
  return { writtenTo: target.path, backup };
}

interface ResolvedTarget {
  /** The file to write: the target, or where its symbolic links lead. */
  path: string;
  exists: boolean;
  /** Permission bits of an existing file, kept for the replacement. */
  mode: number | undefined;
  /** An existing file with more than one name: written in place so every name sees the new version. */
  hardLinked: boolean;
}

async function resolveTarget(targetPath: string, fs: SaveFs): Promise<ResolvedTarget> {
  let path = resolve(targetPath);
  for (let hops = 0; ; hops++) {
    let stats;
    try {
      stats = await fs.lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, exists: false, mode: undefined, hardLinked: false };
      throw failWith(error, true);
    }
    if (stats.isSymbolicLink()) {
      if (hops >= MAX_LINK_HOPS) throw new FileWriteError('other', 'ELOOP', true);
      // A relative link is relative to the folder it sits in.
      path = resolve(dirname(path), await fs.readlink(path).catch((error: unknown) => Promise.reject(failWith(error, true))));
      continue;
    }
    if (stats.isDirectory()) throw new FileWriteError('isFolder', 'EISDIR', true);
    const mode = stats.mode & 0o777;
    // No write bit at all: someone marked the file read-only. Checked on the bits, not only with access(),
    // because root (and Windows admins) may write anyway, and overwriting it would go against that intent.
    if ((mode & 0o222) === 0) throw new FileWriteError('readOnlyFile', 'EACCES', true);
    try {
      await fs.access(path, fsConstants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS') throw new FileWriteError('readOnlyVolume', code, true);
      if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError('readOnlyFile', code, true);
      throw failWith(error, true);
    }
    return { path, exists: true, mode, hardLinked: stats.nlink > 1 };
  }
}

/** Create `path` (never reusing or following an existing one), write `bytes`, fsync. */
async function writeNewFile(fs: SaveFs, path: string, bytes: Uint8Array, mode: number): Promise<void> {
  const handle = await fs.open(path, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Copy the current version to a temp file and rename it over `<path>.bak`.
 * Disk full: throws, the old .bak untouched. A .bak that may not be replaced
 * (another user's, in a shared folder): reported, the save goes on.
 */
async function updateBackup(fs: SaveFs, path: string, mode: number): Promise<WriteOutcome['backup']> {
  const backupPath = path + BACKUP_SUFFIX;
  const tempPath = tempPathFor(backupPath);
  try {
    await fs.copyFile(path, tempPath, fsConstants.COPYFILE_EXCL);
    // copyFile does not fsync: the bytes must be on disk before the name .bak points at them.
    const handle = await fs.open(tempPath, 'r+', mode);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    const { problem } = fileProblemOf(error);
    // No room for the backup means no room to trust this save: stop with both files as they were.
    if (problem === 'diskFull' || problem === 'readOnlyVolume') throw failWith(error, true);
    return fileProblemOf(error);
  }
  try {
    await fs.rename(tempPath, backupPath);
    return 'updated';
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    // E.g. EPERM in a sticky shared folder where .bak belongs to someone else, or EISDIR: not ours to replace.
    return fileProblemOf(error);
  }
}

/** For a hard-linked file: the new bytes into the same inode, then cut off whatever the old version had beyond them. */
async function writeInPlace(fs: SaveFs, path: string, bytes: Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await fs.open(path, 'r+');
  } catch (error) {
    throw failWith(error, true);
  }
  try {
    await handle.write(bytes, 0, bytes.byteLength, 0);
    await handle.truncate(bytes.byteLength);
    await handle.sync();
  } catch (error) {
    // The file itself was being written: it is not "unchanged" any more (its .bak is the old version).
    throw failWith(error, false);
  } finally {
    await handle.close();
  }
}

/**
 * Remove what killed saves left in `folder`: every temp file of `forName` (the
 * saves to one path run one at a time, so none of them is in progress), and
 * the app's temp files of other names once they are older than any save takes.
 * Without `forName`, `folder` is the app's own and nothing is saving there yet
 * (start-up): every temp file of the app goes.
 * Never fails a save: a temp file that can't be removed stays.
 */
export async function removeStaleTempFiles(folder: string, fs: SaveFs = nodeSaveFs, forName?: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    // Without a name, the folder is the app's own (its data folder): every temp file of ours, old-style ones too.
    const own = forName === undefined ? LEGACY_TEMP_PATTERN.test(name) || isTempFileName(name) : isTempFileName(name, forName) || isLegacyTempOf(name, forName);
    if (!own && !isTempFileName(name)) continue;
    const path = join(folder, name);
    try {
      if (!own && forName !== undefined) {
        const stats = await fs.lstat(path);
        if (now - stats.mtimeMs < STALE_TEMP_AGE_MS) continue;
      }
      await fs.rm(path, { force: true });
      removed.push(name);
    } catch {
      // Someone else's, or gone already: leave it.
    }
  }
  return removed;
}

function isLegacyTempOf(name: string, forName: string): boolean {
  const match = LEGACY_TEMP_PATTERN.exec(name);
  return match !== null && match[1] === forName;
}

async function syncFolder(fs: SaveFs, folder: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a directory; the rename is still done.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export type ReadSessionFileResult =
  | { ok: true; text: string }
  /** Never 'notSessionFile': the caller decides which names it accepts. */
  | { ok: false; reason: Exclude<ReadFailureReason, 'notSessionFile'>; detail: string };

/**
 * Read a session file as text: at most MAX_SESSION_BYTES, and only if it is
 * valid UTF-8 (a leading BOM is dropped). Never throws; failures are reasons
 * the UI can explain.
 */
export async function readSessionFile(path: string): Promise<ReadSessionFileResult> {
  let bytes: Buffer;
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { ok: false, reason: 'unreadable', detail: 'Not a file.' };
      if (stats.size > MAX_SESSION_BYTES) return tooLarge(stats.size);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // A missing file is worth its own sentence: a double-clicked recent file that was moved, a typo on the command line.
    const reason = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'notFound' : 'unreadable';
    return { ok: false, reason, detail: describeError(error) };
  }
  // The file may have grown between stat and read.
  if (bytes.byteLength > MAX_SESSION_BYTES) return tooLarge(bytes.byteLength);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'notUtf8', detail: 'The file is not UTF-8 text.' };
  }
}

function tooLarge(size: number): ReadSessionFileResult {
  return {
    ok: false,
    reason: 'tooLarge',
    detail: `The file has ${size} bytes; at most ${MAX_SESSION_BYTES} are allowed.`,
  };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}
