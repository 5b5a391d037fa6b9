/**
 * The crash-recovery copy of the unsaved session: one file in the app's data
 * folder (<userData>/autosave/autosave.json), replaced atomically on every
 * write, so a crash mid-write leaves the previous copy whole. Plain Node fs,
 * no Electron, so the tests run on real files.
 *
 * The original file's path is kept here, in main, and never leaves it: the
 * IPC layer trades it for a fileId on recovery (see session-files.ts for why
 * that id alone never lets main write there).
 *
 * An autosave written by a newer Wavelength (a higher envelope version or
 * app version) is never cleared or overwritten here: this version does not
 * offer it (it may not understand it), and while it is there, this version's
 * own autosave goes to a file beside it (autosave-older.json).
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_SESSION_BYTES } from '../../shared/limits';
import { utf8ByteLength } from '../../shared/messages';
import { removeStaleTempFiles, writeFileAtomic } from './files';

export const AUTOSAVE_FOLDER_NAME = 'autosave';
export const AUTOSAVE_FILE_NAME = 'autosave.json';
/** Where this version autosaves while a newer version's autosave occupies AUTOSAVE_FILE_NAME. */
export const OLDER_AUTOSAVE_FILE_NAME = 'autosave-older.json';
const AUTOSAVE_FORMAT = 'wavelength-autosave';
export const AUTOSAVE_VERSION = 1;

export interface AutosaveEntry {
  /** The serialized session, as the renderer gave it. */
  text: string;
  projectName: string;
  /** The file the session came from; null for a session never saved. */
  originalPath: string | null;
}

export interface AutosaveRecord extends AutosaveEntry {
  /** ISO 8601, main's clock. */
  savedAt: string;
}

export type AutosaveLoad =
  | { kind: 'none' }
  | { kind: 'found'; record: AutosaveRecord }
  | { kind: 'corrupt'; detail: string };

/** What lies in one autosave file. */
type SlotContent = AutosaveLoad | { kind: 'newer'; detail: string };

/** JSON escaping at most doubles the session text (each " becomes \"), plus a small envelope. */
const MAX_AUTOSAVE_FILE_BYTES = 2 * MAX_SESSION_BYTES + 64 * 1024;

export class AutosaveStore {
  /** Writes, reads and clears run one after another, in the order asked: a clear after a write always wins. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether autosave.json holds a newer version's autosave; looked at once per run (one instance runs at a time). */
  private newerKept: Promise<boolean> | undefined;

  constructor(
    /** <userData>/autosave; made on the first write, removed by clear() unless a newer version's autosave is in it. */
    readonly folder: string,
    private readonly now: () => Date = () => new Date(),
    /** This app's version (app.getVersion()); an autosave stamped with a higher one is a newer version's. */
    private readonly appVersion = '0.0.0',
  ) {}

  get path(): string {
    return join(this.folder, AUTOSAVE_FILE_NAME);
  }

  private get olderPath(): string {
    return join(this.folder, OLDER_AUTOSAVE_FILE_NAME);
  }

  write(entry: AutosaveEntry): Promise<void> {
    return this.enqueue(async () => {
      const record = { format: AUTOSAVE_FORMAT, version: AUTOSAVE_VERSION, appVersion: this.appVersion, savedAt: this.now().toISOString(), ...entry };
      await fsp.mkdir(this.folder, { recursive: true });
      const newerKept = await this.isNewerKept();
      // No .bak: the previous autosave is worth nothing once a newer one is whole on disk.
      await writeFileAtomic(newerKept ? this.olderPath : this.path, JSON.stringify(record), { backup: false });
      if (!newerKept) await fsp.rm(this.olderPath, { force: true });
    });
  }

  /** What a previous run left; never throws — anything unreadable is 'corrupt' with the reason. */
  read(): Promise<AutosaveLoad> {
    return this.enqueue(async () => {
      const primary = await this.readSlot(this.path);
      this.newerKept = Promise.resolve(primary.kind === 'newer');
      if (primary.kind !== 'newer' && primary.kind !== 'none') return primary;
      if (primary.kind === 'newer') console.warn(`Kept a newer Wavelength's autosave (${primary.detail}).`);
      const older = await this.readSlot(this.olderPath);
      return older.kind === 'newer' ? { kind: 'none' } : older;
    });
  }

  /** Remove this version's autosave and any temp file a crash mid-write left; a newer version's autosave stays. */
  clear(): Promise<void> {
    return this.enqueue(async () => {
      await fsp.rm(this.olderPath, { force: true });
      if (!(await this.isNewerKept())) await fsp.rm(this.path, { force: true });
      await removeStaleTempFiles(this.folder);
      // Gone with the last file in it; a newer version's autosave keeps it.
      await fsp.rmdir(this.folder).catch(() => undefined);
    });
  }

  /** At start-up: what an earlier run killed mid-write left in the folder. */
  removeLeftovers(): Promise<void> {
    return this.enqueue(async () => {
      await removeStaleTempFiles(this.folder);
    });
  }

  /** Resolves when everything asked for so far is done (main waits for it before quitting). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private isNewerKept(): Promise<boolean> {
    this.newerKept ??= this.readSlot(this.path).then((content) => content.kind === 'newer');
    return this.newerKept;
  }

  private readSlot(path: string): Promise<SlotContent> {
    return readSlot(path, this.appVersion);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

async function readSlot(path: string, appVersion: string): Promise<SlotContent> {
  let bytes: Buffer;
  try {
    const handle = await fsp.open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_AUTOSAVE_FILE_BYTES) return { kind: 'corrupt', detail: `The autosave has ${size} bytes; at most ${MAX_AUTOSAVE_FILE_BYTES} are allowed.` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { kind: 'corrupt', detail: 'The autosave is not UTF-8 JSON (cut off?).' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'corrupt', detail: 'The autosave is not an object.' };
  const record = value as Record<string, unknown>;
  if (record.format !== AUTOSAVE_FORMAT) return { kind: 'corrupt', detail: 'The file is not an autosave.' };
  // Before anything else is judged: a newer version may have changed the rest.
  if (typeof record.version === 'number' && record.version > AUTOSAVE_VERSION) {
    return { kind: 'newer', detail: `autosave format ${record.version}; this Wavelength reads ${AUTOSAVE_VERSION}` };
  }
  if (typeof record.appVersion === 'string' && compareVersions(record.appVersion, appVersion) > 0) {
    return { kind: 'newer', detail: `written by Wavelength ${record.appVersion}; this is ${appVersion}` };
  }
  const problem = recordProblem(record);
  if (problem) return { kind: 'corrupt', detail: problem };
  return {
    kind: 'found',
    record: {
      savedAt: record.savedAt as string,
      projectName: record.projectName as string,
      originalPath: record.originalPath as string | null,
      text: record.text as string,
    },
  };
}

/** What is wrong with an autosave of this version, or undefined when it is whole. */
function recordProblem(record: Record<string, unknown>): string | undefined {
  if (record.version !== AUTOSAVE_VERSION) return `The autosave has version ${String(record.version)}; this Wavelength reads ${AUTOSAVE_VERSION}.`;
  if (typeof record.savedAt !== 'string' || Number.isNaN(Date.parse(record.savedAt))) return 'The autosave has no valid time.';
  if (typeof record.projectName !== 'string') return 'The autosave has no project name.';
  if (record.originalPath !== null && typeof record.originalPath !== 'string') return 'The autosave names its file wrongly.';
  if (typeof record.text !== 'string') return 'The autosave holds no session.';
  if (utf8ByteLength(record.text) > MAX_SESSION_BYTES) return 'The autosaved session is too large.';
  return undefined;
}

/** Compares "1.2.3" versions by their numbers (a pre-release suffix is ignored); <0, 0, >0. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[-+]/)[0]!.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
