/**
 * Opening and saving session files for the facilitator's window: the native
 * dialogs, the FileRegistry's ids, and the crash-safe write (files.ts). The
 * renderer names files only by ids; a path main merely remembers (from an
 * earlier run's autosave) is written only after the user confirms it in the
 * Save dialog.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { NativeTexts, OpenSessionResult, SaveSessionRequest, SaveSessionResult } from '../../shared/contract';
import { ensureSessionExtension, sanitizeSessionFileName } from '../../shared/file-names';
import { askOpenPath, askSavePath } from './dialogs';
import type { FileRegistry } from './file-registry';
import { FileWriteError, fileProblemOf, readSessionFile, writeFileAtomic, type AtomicWriteOptions } from './files';
import { IpcArgumentError } from './ipc-errors';

export interface SessionFileDeps {
  files: FileRegistry;
  /** The latest texts from the renderer, for dialog filters. */
  nativeTexts(): NativeTexts;
  /** Where a new session's Save dialog starts (app.getPath('documents')). */
  documentsFolder(): string;
  /** Tests swap the file system calls of the write. */
  writeOptions?: AtomicWriteOptions;
}

export async function openSession(win: BrowserWindow, deps: SessionFileDeps): Promise<OpenSessionResult> {
  const path = await askOpenPath(win, deps.nativeTexts());
  if (path === undefined) return { kind: 'cancelled' };
  const fileName = basename(path);
  const read = await readSessionFile(path);
  if (!read.ok) return { kind: 'error', fileName, reason: read.reason, detail: read.detail };
  return { kind: 'opened', fileId: deps.files.register(path), fileName, text: read.text };
}

export async function saveSession(win: BrowserWindow, request: SaveSessionRequest, deps: SessionFileDeps): Promise<SaveSessionResult> {
  const known = request.fileId === null ? undefined : deps.files.fileOf(request.fileId);
  // An id main never handed out is a bug or an attack, not a user situation.
  if (request.fileId !== null && known === undefined) throw new IpcArgumentError('Unknown fileId.');

  let path = known?.writable ? known.path : undefined;
  if (path === undefined || request.saveAs) {
    const chosen = await askSessionPath(win, deps, startPathFor(request, known, deps));
    if (chosen === undefined) return { kind: 'cancelled' };
    path = chosen;
  }

  const fileName = basename(path);
  try {
    const outcome = await writeFileAtomic(path, request.text, deps.writeOptions);
    return {
      kind: 'saved',
      fileId: deps.files.register(path),
      fileName,
      backupProblem: typeof outcome.backup === 'object' ? outcome.backup : null,
    };
  } catch (error) {
    const failure = error instanceof FileWriteError ? error : undefined;
    const { problem, osCode } = fileProblemOf(error);
    return { kind: 'error', fileName, problem, osCode, targetUnchanged: failure?.targetUnchanged ?? true };
  }
}

/**
 * Where the Save dialog starts: a remembered file (from an autosave) is
 * offered itself, so confirming it is one click; a known file's folder with
 * the suggested name for Save As; the documents folder for a new session.
 */
function startPathFor(request: SaveSessionRequest, known: { path: string; writable: boolean } | undefined, deps: SessionFileDeps): string {
  if (known && !known.writable) return join(dirname(known.path), sanitizeSessionFileName(basename(known.path)));
  const folder = known ? dirname(known.path) : deps.documentsFolder();
  return join(folder, sanitizeSessionFileName(request.suggestedName));
}

/** The path the user confirms in the Save dialog, always with the session extension; undefined when cancelled. */
async function askSessionPath(win: BrowserWindow, deps: SessionFileDeps, startPath: string): Promise<string | undefined> {
  let chosen = await askSavePath(win, deps.nativeTexts(), startPath);
  // Linux dialogs may return the typed name without the filter's extension. The dialog only
  // confirmed overwriting the typed name: if the name with the extension exists, ask again with
  // it, so the dialog's own overwrite question covers the file we would really replace.
  while (chosen !== undefined && ensureSessionExtension(chosen) !== chosen && existsSync(ensureSessionExtension(chosen))) {
    chosen = await askSavePath(win, deps.nativeTexts(), ensureSessionExtension(chosen));
  }
  return chosen === undefined ? undefined : ensureSessionExtension(chosen);
}
