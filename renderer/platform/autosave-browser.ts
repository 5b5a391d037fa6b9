/**
 * The browser build's autosave: one record in IndexedDB (database
 * "wavelength", object store "autosave", key "session"). Three calls on one
 * object store need no library. The page can't keep a link to the file it
 * opened, so the record holds no file, and a recovered session saves as a
 * new download.
 *
 * All tabs of the app on one origin share the record: the last one to
 * write wins, as with one app data folder on the desktop.
 */
import { MAX_SESSION_BYTES } from '../../shared/contract';
import type { AutosaveHost, AutosaveReadResult } from './platform';
import { sessionTextBytes } from './session-file';

export const AUTOSAVE_DB_NAME = 'wavelength';
export const AUTOSAVE_STORE_NAME = 'autosave';
export const AUTOSAVE_KEY = 'session';
const DB_VERSION = 1;
const RECORD_VERSION = 1;

interface StoredAutosave {
  version: typeof RECORD_VERSION;
  /** ISO 8601. */
  savedAt: string;
  projectName: string;
  text: string;
}

export function createBrowserAutosave(idb: IDBFactory | undefined = globalThis.indexedDB, now: () => Date = () => new Date()): AutosaveHost {
  let database: Promise<IDBDatabase> | undefined;
  // Every call awaits this one promise, so the transactions are created — and run — in the order of the calls.
  const open = (): Promise<IDBDatabase> => {
    database ??= openDatabase(idb).catch((error: unknown) => {
      database = undefined; // try again next time (e.g. storage was full or blocked for a moment)
      throw error;
    });
    return database;
  };

  return {
    async write(text, meta) {
      if (sessionTextBytes(text) > MAX_SESSION_BYTES) throw new Error(`The session is larger than ${MAX_SESSION_BYTES} bytes.`);
      const record: StoredAutosave = { version: RECORD_VERSION, savedAt: now().toISOString(), projectName: meta.projectName, text };
      await transact(await open(), 'readwrite', (store) => store.put(record, AUTOSAVE_KEY));
    },

    async read(): Promise<AutosaveReadResult> {
      let value: unknown;
      try {
        value = await transact(await open(), 'readonly', (store) => store.get(AUTOSAVE_KEY));
      } catch (error) {
        // No IndexedDB at all (a locked-down browser): nothing was ever autosaved here.
        console.warn('Autosave: IndexedDB is not available.', error);
        return { kind: 'none' };
      }
      if (value === undefined) return { kind: 'none' };
      const problem = recordProblem(value);
      if (problem) return { kind: 'corrupt', detail: problem };
      const record = value as StoredAutosave;
      return { kind: 'found', savedAt: record.savedAt, projectName: record.projectName, text: record.text, fileId: null, fileName: null };
    },

    async clear() {
      await transact(await open(), 'readwrite', (store) => store.delete(AUTOSAVE_KEY));
    },
  };
}

function openDatabase(idb: IDBFactory | undefined): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!idb) {
      reject(new Error('IndexedDB is not available.'));
      return;
    }
    const request = idb.open(AUTOSAVE_DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(AUTOSAVE_STORE_NAME);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the app in another tab wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

/** One request in its own transaction; resolves with the request's result once the transaction is committed. */
function transact<T>(db: IDBDatabase, mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(AUTOSAVE_STORE_NAME, mode);
    const request = action(transaction.objectStore(AUTOSAVE_STORE_NAME));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction was aborted.'));
  });
}

/** What is wrong with a stored record, or undefined when it is whole. */
function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'The autosave is not a record.';
  const record = value as Record<string, unknown>;
  if (record.version !== RECORD_VERSION) return `The autosave has version ${String(record.version)}.`;
  if (typeof record.savedAt !== 'string' || Number.isNaN(Date.parse(record.savedAt))) return 'The autosave has no valid time.';
  if (typeof record.projectName !== 'string') return 'The autosave has no project name.';
  if (typeof record.text !== 'string') return 'The autosave holds no session.';
  return undefined;
}
