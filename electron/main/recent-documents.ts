/**
 * The files the user opened or saved lately: main's own list (the start
 * screen and File ▸ Open Recent show it) and the OS's (the Dock's and the
 * taskbar's jump list, via app.addRecentDocument). Main keeps the paths; the
 * renderer sees opaque ids from the FileRegistry and display names, and gets
 * a file back only by id.
 *
 * A remembered path is only a hint: opening it again checks it like any file
 * from outside (exists, the .wavelength extension, readable, UTF-8, size), and
 * a file that is gone or no session drops out of the list. The list lives in
 * a small JSON file in the app's data folder, zod-checked on read and written
 * atomically, so a broken file means an empty list, never a failed start.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute } from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_FILES, type ExternalFileResult, type RecentFile } from '../../shared/messages';
import type { FileRegistry } from './file-registry';
import { writeFileAtomic } from './files';
import { isSessionPath, launchRequestForPath } from './launch-args';
import { readRequest } from './open-requests';

export const RECENT_FILE_NAME = 'recent-documents.json';
const RECENT_FORMAT = 'wavelength-recent-documents';
/** Anything larger is not ours. */
const MAX_RECENT_LIST_BYTES = 64 * 1024;
const MAX_PATH_LENGTH = 4096;

const recentListSchema = z.strictObject({
  format: z.literal(RECENT_FORMAT),
  version: z.literal(1),
  paths: z
    .array(z.string().min(1).max(MAX_PATH_LENGTH).refine(isAbsolute, { message: 'is not absolute' }).refine(isSessionPath, { message: 'is no session file' }))
    .max(MAX_RECENT_FILES * 4),
});

/** The paths in the list file's text, newest first; [] for anything that is not a valid list. */
export function parseRecentList(text: string): string[] {
  if (text.length > MAX_RECENT_LIST_BYTES) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = recentListSchema.safeParse(value);
  if (!parsed.success) return [];
  return [...new Set(parsed.data.paths)].slice(0, MAX_RECENT_FILES);
}

export function serializeRecentList(paths: readonly string[]): string {
  return `${JSON.stringify({ format: RECENT_FORMAT, version: 1, paths }, null, 2)}\n`;
}

/** What the OS keeps of recent documents (Electron's app, on macOS and Windows). */
export interface OsRecentDocuments {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
}

export interface RecentDocumentsDeps {
  /** Where the list is kept: <userData>/recent-documents.json. */
  listFile: string;
  files: FileRegistry;
  os: OsRecentDocuments;
  /** The list changed: rebuild the menu, tell the facilitator's window. */
  changed?(list: readonly RecentFile[]): void;
}

export class RecentDocuments {
  private paths: string[] = [];
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RecentDocumentsDeps) {}

  /** Read the list an earlier run left; a missing or broken file is an empty list. Sync: a few hundred bytes, read once before the menu is built. */
  load(): void {
    this.paths = parseRecentList(readTextOrEmpty(this.deps.listFile));
    this.deps.changed?.(this.list());
  }

  /** A file was opened or saved: first in the list (once), and in the OS's list. */
  add(path: string): void {
    if (!isAbsolute(path) || !isSessionPath(path)) return;
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
    try {
      this.deps.os.addRecentDocument(path);
    } catch (error) {
      // Linux has no OS list; whatever the OS says, our own list still holds it.
      console.warn('Could not add to the recent documents.', error);
    }
    this.persist();
  }

  clear(): void {
    this.paths = [];
    try {
      this.deps.os.clearRecentDocuments();
    } catch (error) {
      console.warn('Could not clear the recent documents.', error);
    }
    this.persist();
  }

  /** The list for the renderer, newest first. */
  list(): RecentFile[] {
    return this.paths.map((path) => ({ recentId: this.deps.files.remember(path), fileName: basename(path), folder: dirname(path) }));
  }

  /** The path behind an id of the list; undefined for any other id. */
  pathOf(recentId: string): string | undefined {
    const path = this.deps.files.pathOf(recentId);
    return path !== undefined && this.paths.includes(path) ? path : undefined;
  }

  /**
   * Read a file of the list again, as Open would; a file that is gone, or is
   * no session file any more, leaves the list. Undefined when the id is not in
   * the list.
   */
  async open(recentId: string): Promise<ExternalFileResult | undefined> {
    const path = this.pathOf(recentId);
    if (path === undefined) return undefined;
    const request = launchRequestForPath(path, dirname(path));
    if (request.kind === 'none') return undefined;
    const result = await readRequest(request, this.deps.files);
    if (result.kind === 'opened') this.add(path);
    else if (result.reason === 'notFound' || result.reason === 'notSessionFile') this.remove(path);
    return result;
  }

  /** Resolves once every change so far is on disk. */
  idle(): Promise<void> {
    return this.writing.then(() => undefined);
  }

  private remove(path: string): void {
    if (!this.paths.includes(path)) return;
    this.paths = this.paths.filter((p) => p !== path);
    this.persist();
  }

  private persist(): void {
    const text = serializeRecentList(this.paths);
    // One write after another, so the last list wins on disk too.
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(this.deps.listFile), { recursive: true });
        await writeFileAtomic(this.deps.listFile, text, { backup: false });
      })
      .catch((error: unknown) => console.warn('Could not keep the recent documents.', error));
    this.deps.changed?.(this.list());
  }
}

/** A small file's text, '' when it can't be read. */
export function readTextOrEmpty(path: string, maxBytes = MAX_RECENT_LIST_BYTES): string {
  try {
    const bytes = readFileSync(path);
    return bytes.byteLength > maxBytes ? '' : bytes.toString('utf8');
  } catch {
    return '';
  }
}
