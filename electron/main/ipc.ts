/**
 * Main's half of the typed door (shared/contract.ts): one handler per
 * channel. Every call first proves it comes from our own page in one of our
 * windows, then every argument is checked (validate.ts); the renderer is
 * never trusted to name a path — only fileIds from the FileRegistry.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import {
  CHANNELS,
  type NativeTexts,
  type OpenSessionResult,
  type SaveSessionRequest,
  type SaveSessionResult,
  type UnsavedChoice,
} from '../../shared/contract';
import { askOpenPath, askSavePath, askUnsavedChoice } from './dialogs';
import type { WindowDocuments } from './documents';
import { ensureSessionExtension, sanitizeSessionFileName } from '../../shared/file-names';
import type { FileRegistry } from './file-registry';
import { readSessionFile, writeFileAtomic } from './files';
import { isTrustedPageUrl } from './origins';
import {
  expectArgumentCount,
  IpcArgumentError,
  parseDocumentState,
  parseNativeTexts,
  parseSaveSessionRequest,
} from './validate';

export interface IpcContext {
  files: FileRegistry;
  documents: WindowDocuments;
  /** The Vite dev server's URL in `electron-vite dev`, else undefined (packaged or preview). */
  devServerUrl: string | undefined;
  /** The latest texts from the renderer, for dialog filters. */
  nativeTexts(): NativeTexts;
  /** New texts arrived (language switch): store them and rebuild the menu. */
  setNativeTexts(texts: NativeTexts): void;
}

export class IpcSenderError extends Error {
  override name = 'IpcSenderError';
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerIpcHandlers(context: IpcContext): () => void {
  const handle = <T>(
    channel: string,
    handler: (win: BrowserWindow, args: unknown[]) => Promise<T>,
  ): void => {
    ipcMain.handle(channel, async (event, ...args) => handler(trustedWindowOf(event, context.devServerUrl), args));
  };
  // Fire-and-forget channels have no caller to reject, and throwing in an
  // ipcMain listener would be an uncaught exception in main: log and drop.
  const listen = (channel: string, listener: (win: BrowserWindow, args: unknown[]) => void): void => {
    ipcMain.on(channel, (event, ...args) => {
      try {
        listener(trustedWindowOf(event, context.devServerUrl), args);
      } catch (error) {
        console.warn(`Refused ${channel}:`, error instanceof Error ? error.message : error);
      }
    });
  };

  handle(CHANNELS.openSession, (win, args): Promise<OpenSessionResult> => {
    expectArgumentCount(args, 0);
    return openSession(win, context);
  });

  handle(CHANNELS.saveSession, (win, args): Promise<SaveSessionResult> => {
    expectArgumentCount(args, 1);
    return saveSession(win, parseSaveSessionRequest(args[0]), context);
  });

  handle(CHANNELS.confirmUnsaved, (win, args): Promise<UnsavedChoice> => {
    expectArgumentCount(args, 1);
    return askUnsavedChoice(win, parseNativeTexts(args[0]));
  });

  listen(CHANNELS.setDocumentState, (win, args) => {
    expectArgumentCount(args, 1);
    const state = parseDocumentState(args[0]);
    context.documents.set(win.webContents.id, state);
    win.setTitle(state.title);
    // The dot in the close button (macOS only; a no-op elsewhere).
    if (process.platform === 'darwin') win.setDocumentEdited(state.dirty);
  });

  listen(CHANNELS.setNativeTexts, (_win, args) => {
    expectArgumentCount(args, 1);
    context.setNativeTexts(parseNativeTexts(args[0]));
  });

  listen(CHANNELS.closeWindow, (win, args) => {
    expectArgumentCount(args, 0);
    // The renderer calls this after the save that 'app.saveAndClose' asked for
    // succeeded, so the session is clean now; the close guard lets it through.
    context.documents.markClean(win.webContents.id);
    win.close();
  });

  return () => {
    for (const channel of [CHANNELS.openSession, CHANNELS.saveSession, CHANNELS.confirmUnsaved]) {
      ipcMain.removeHandler(channel);
    }
    for (const channel of [CHANNELS.setDocumentState, CHANNELS.setNativeTexts, CHANNELS.closeWindow]) {
      ipcMain.removeAllListeners(channel);
    }
  };
}

/**
 * The window behind an IPC call, if the call comes from the top frame of one
 * of our windows showing our own page; otherwise throws IpcSenderError.
 */
export function trustedWindowOf(
  event: IpcMainEvent | IpcMainInvokeEvent,
  devServerUrl: string | undefined,
): BrowserWindow {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isTrustedPageUrl(frame.url, devServerUrl)) {
    throw new IpcSenderError(`IPC from an untrusted sender (${frame?.url ?? 'unknown frame'}).`);
  }
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win) throw new IpcSenderError('IPC from web contents without a window.');
  return win;
}

async function openSession(win: BrowserWindow, context: IpcContext): Promise<OpenSessionResult> {
  const path = await askOpenPath(win, context.nativeTexts());
  if (path === undefined) return { kind: 'cancelled' };
  const fileName = basename(path);
  const read = await readSessionFile(path);
  if (!read.ok) return { kind: 'error', fileName, reason: read.reason, detail: read.detail };
  return { kind: 'opened', fileId: context.files.register(path), fileName, text: read.text };
}

async function saveSession(
  win: BrowserWindow,
  request: SaveSessionRequest,
  context: IpcContext,
): Promise<SaveSessionResult> {
  const knownPath = request.fileId === null ? undefined : context.files.pathOf(request.fileId);
  // An id main never handed out is a bug or an attack, not a user situation.
  if (request.fileId !== null && knownPath === undefined) {
    throw new IpcArgumentError('Unknown fileId.');
  }

  let path = knownPath;
  if (path === undefined || request.saveAs) {
    const folder = path === undefined ? app.getPath('documents') : dirname(path);
    let chosen = await askSavePath(win, context.nativeTexts(), join(folder, sanitizeSessionFileName(request.suggestedName)));
    // Linux dialogs may return the typed name without the filter's extension. The dialog only
    // confirmed overwriting the typed name: if the name with the extension exists, ask again with
    // it, so the dialog's own overwrite question covers the file we would really replace.
    while (chosen !== undefined && ensureSessionExtension(chosen) !== chosen && existsSync(ensureSessionExtension(chosen))) {
      chosen = await askSavePath(win, context.nativeTexts(), ensureSessionExtension(chosen));
    }
    if (chosen === undefined) return { kind: 'cancelled' };
    path = ensureSessionExtension(chosen);
  }

  const fileName = basename(path);
  try {
    await writeFileAtomic(path, request.text);
  } catch (error) {
    return { kind: 'error', fileName, detail: error instanceof Error ? error.message : String(error) };
  }
  return { kind: 'saved', fileId: context.files.register(path), fileName };
}
