/**
 * The crash-recovery copy of the unsaved session: one file in the app's data
 * folder (<userData>/autosave/autosave.json), replaced atomically on every
 * write, so a crash mid-write leaves the previous copy whole. Plain Node fs,
 * no Electron, so the tests run on real files.
 *
 * The original file's path is kept here, in main, and never leaves it: the
 * IPC layer (autosave-ipc.ts) trades it for a fresh fileId.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_SESSION_BYTES } from '../../shared/contract';
import { writeFileAtomic } from './files';

export const AUTOSAVE_FOLDER_NAME = 'autosave';
export const AUTOSAVE_FILE_NAME = 'autosave.json';
const AUTOSAVE_FORMAT = 'wavelength-autosave';
const AUTOSAVE_VERSION = 1;

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

/** JSON escaping at most doubles the session text (each " becomes \"), plus a small envelope. */
const MAX_AUTOSAVE_FILE_BYTES = 2 * MAX_SESSION_BYTES + 64 * 1024;

export class AutosaveStore {
  /** Writes, reads and clears run one after another, in the order asked: a clear after a write always wins. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** <userData>/autosave; made on the first write, removed whole by clear(). */
    readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get path(): string {
    return join(this.folder, AUTOSAVE_FILE_NAME);
  }

  write(entry: AutosaveEntry): Promise<void> {
    return this.enqueue(async () => {
      const record = { format: AUTOSAVE_FORMAT, version: AUTOSAVE_VERSION, savedAt: this.now().toISOString(), ...entry };
      await fsp.mkdir(this.folder, { recursive: true });
      // No .bak: the previous autosave is worth nothing once a newer one is whole on disk.
      await writeFileAtomic(this.path, JSON.stringify(record), undefined, { backup: false });
    });
  }

  /** What a previous run left; never throws — anything unreadable is 'corrupt' with the reason. */
  read(): Promise<AutosaveLoad> {
    return this.enqueue(() => readRecord(this.path));
  }

  /** Remove the autosave, and with the folder any temp file a crash mid-write left behind. */
  clear(): Promise<void> {
    return this.enqueue(() => fsp.rm(this.folder, { recursive: true, force: true }));
  }

  /** Resolves when everything asked for so far is done (main waits for it before quitting). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

async function readRecord(path: string): Promise<AutosaveLoad> {
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
  const problem = recordProblem(value);
  if (problem) return { kind: 'corrupt', detail: problem };
  const record = value as AutosaveRecord;
  return {
    kind: 'found',
    record: { savedAt: record.savedAt, projectName: record.projectName, originalPath: record.originalPath, text: record.text },
  };
}

/** What is wrong with a parsed autosave, or undefined when it is whole. */
function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The autosave is not an object.';
  const record = value as Record<string, unknown>;
  if (record.format !== AUTOSAVE_FORMAT) return 'The file is not an autosave.';
  if (record.version !== AUTOSAVE_VERSION) return `The autosave has version ${String(record.version)}; this Wavelength reads ${AUTOSAVE_VERSION}.`;
  if (typeof record.savedAt !== 'string' || Number.isNaN(Date.parse(record.savedAt))) return 'The autosave has no valid time.';
  if (typeof record.projectName !== 'string') return 'The autosave has no project name.';
  if (record.originalPath !== null && typeof record.originalPath !== 'string') return 'The autosave names its file wrongly.';
  if (typeof record.text !== 'string') return 'The autosave holds no session.';
  if (Buffer.byteLength(record.text, 'utf8') > MAX_SESSION_BYTES) return 'The autosaved session is too large.';
  return undefined;
}
