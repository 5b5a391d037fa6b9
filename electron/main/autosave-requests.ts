/**
 * The autosave channels of the contract. As everywhere in main: the sender
 * must be our page in one of our windows — here, the facilitator's window,
 * never the presenter or a hidden report window — and every argument is
 * checked. The renderer names the original file by its fileId only; main
 * keeps the path beside the autosave and hands back a fresh fileId on
 * recovery, never the path.
 */
import { basename } from 'node:path';
import { ipcMain, type BrowserWindow } from 'electron';
import { CHANNELS, type AutosaveReadResult } from '../../shared/contract';
import type { AutosaveStore } from './autosave';
import type { FileRegistry } from './file-registry';
import { IpcSenderError, trustedWindowOf } from './ipc';
import { expectArgumentCount, IpcArgumentError, parseAutosaveWriteRequest } from './validate';

export interface AutosaveIpcDeps {
  store: AutosaveStore;
  files: FileRegistry;
  devServerUrl: string | undefined;
  /** Whether `win` is the facilitator's window, the only one with a session to keep. */
  isMainWindow(win: BrowserWindow): boolean;
}

export function registerAutosaveIpc(deps: AutosaveIpcDeps): () => void {
  const handle = <T>(channel: string, handler: (args: unknown[]) => Promise<T>): void => {
    ipcMain.handle(channel, async (event, ...args) => {
      const win = trustedWindowOf(event, deps.devServerUrl);
      if (!deps.isMainWindow(win)) throw new IpcSenderError(`${channel} is for the main window only.`);
      return handler(args);
    });
  };

  handle(CHANNELS.writeAutosave, async (args): Promise<void> => {
    expectArgumentCount(args, 1);
    const request = parseAutosaveWriteRequest(args[0]);
    const originalPath = request.fileId === null ? null : deps.files.pathOf(request.fileId);
    // An id main never handed out is a bug or an attack, not a user situation.
    if (originalPath === undefined) throw new IpcArgumentError('Unknown fileId.');
    await deps.store.write({ text: request.text, projectName: request.projectName, originalPath });
  });

  handle(CHANNELS.readAutosave, async (args): Promise<AutosaveReadResult> => {
    expectArgumentCount(args, 0);
    const load = await deps.store.read();
    if (load.kind !== 'found') return load;
    const { savedAt, projectName, text, originalPath } = load.record;
    return {
      kind: 'found',
      savedAt,
      projectName,
      text,
      // The registry may not know the path in this run yet: registering it is what lets Save write back there.
      fileId: originalPath === null ? null : deps.files.register(originalPath),
      fileName: originalPath === null ? null : basename(originalPath),
    };
  });

  handle(CHANNELS.clearAutosave, async (args): Promise<void> => {
    expectArgumentCount(args, 0);
    await deps.store.clear();
  });

  return () => {
    for (const channel of [CHANNELS.writeAutosave, CHANNELS.readAutosave, CHANNELS.clearAutosave]) ipcMain.removeHandler(channel);
  };
}
