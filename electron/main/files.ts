/**
 * Session files on disk: an atomic, backed-up write and a bounded, strict read.
 * Plain Node fs, no Electron, so the tests run on real files.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_SESSION_BYTES, type ReadFailureReason } from '../../shared/contract';

/** The fs calls writeFileAtomic makes after the temp file is written; tests swap one to make it fail. */
export interface AtomicWriteFs {
  copyFile: typeof fsp.copyFile;
  rename: typeof fsp.rename;
}

const nodeFs: AtomicWriteFs = { copyFile: fsp.copyFile, rename: fsp.rename };

export interface AtomicWriteOptions {
  /**
   * Keep the replaced version as `<target>.bak` (default true). Exports turn
   * it off: they are made again from the session at will, and a .bak beside
   * every PDF would only clutter the folder.
   */
  backup?: boolean;
}

/** Suffix of the backup that holds the version a save replaced. */
export const BACKUP_SUFFIX = '.bak';

/**
 * Replace `targetPath` with `text` so that at every instant the target is
 * either the old file or the new one, whole:
 *
 * 1. write a temp file next to the target (same folder → same file system,
 *    so the rename below is atomic) and fsync it, so the bytes are on disk
 *    before any name points at them;
 * 2. copy the current target to `<target>.bak` — the previous version stays
 *    recoverable even if the new one turns out wrong (unless options.backup
 *    is false);
 * 3. rename the temp file over the target;
 * 4. fsync the folder so the rename itself survives a power cut (not possible
 *    on Windows; skipped there).
 *
 * On any error the temp file is removed and the target is left as it was.
 */
export async function writeFileAtomic(
  targetPath: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(targetPath);
  const tempPath = join(folder, `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const previousMode = await fileModeOf(targetPath);
  try {
    // 'wx': never reuse or follow an existing file at the temp name.
    const handle = await fsp.open(tempPath, 'wx', previousMode ?? 0o666);
    try {
      // Text as UTF-8; bytes (PDF, PNG) as they are.
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (previousMode !== undefined && options.backup !== false) await fs.copyFile(targetPath, targetPath + BACKUP_SUFFIX);
    await fs.rename(tempPath, targetPath);
  } catch (error) {
    await fsp.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Permission bits of an existing file (kept for the replacement), undefined if there is none. */
async function fileModeOf(path: string): Promise<number | undefined> {
  try {
    return (await fsp.stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function syncFolder(folder: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(folder, 'r');
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
