/**
 * Main's half of the channel table (shared/ipc.ts): one handler per channel,
 * in one object the compiler checks against the table, and one registration
 * that derives everything else from the table. Every call
 *
 * 1. must come from the top frame of one of our windows showing our page;
 * 2. must come from a window whose role the channel is open to (the presenter
 *    and the hidden report window cannot open dialogs, save or export);
 * 3. has its arguments parsed with the channel's schema before the handler
 *    sees them.
 *
 * The renderer is never trusted to name a path — only fileIds from the
 * FileRegistry.
 */
import { BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { NativeTexts } from '../../shared/contract';
import { describeSchemaError, IPC, type ArgsOf, type InvokeName, type IpcName, type ResultOf, type SendName, type WindowRole } from '../../shared/ipc';
import type { AutosaveStore } from './autosave';
import { readAutosave, writeAutosave } from './autosave-requests';
import { copyImage } from './clipboard';
import { askUnsavedChoice } from './dialogs';
import type { WindowDocuments } from './documents';
import { exportFile, exportPdf } from './exports';
import type { FileRegistry } from './file-registry';
import type { AtomicWriteOptions } from './files';
import { IpcArgumentError, IpcSenderError } from './ipc-errors';
import type { OpenRequests } from './open-requests';
import { isTrustedPageUrl } from './origins';
import type { PresenterWindows } from './presenter-window';
import type { RecentDocuments } from './recent-documents';
import type { ReportWindowDeps } from './report-window';
import { parseRoomState } from '../../shared/room-state';
import type { RoomService } from './room';
import { openSession, saveSession } from './session-files';
import type { WindowRoles } from './window-roles';

export { IpcArgumentError, IpcSenderError };

/** Who calls: the window, and its role. */
export interface Caller {
  readonly window: BrowserWindow;
  readonly role: WindowRole;
}

type Awaitable<T> = T | Promise<T>;

/** One handler per channel the renderer calls; a channel missing here does not compile. */
export type IpcHandlers = { [K in InvokeName]: (caller: Caller, ...args: ArgsOf<K>) => Awaitable<ResultOf<K>> } & {
  [K in SendName]: (caller: Caller, ...args: ArgsOf<K>) => void;
};

export interface IpcAccess {
  roles: WindowRoles;
  /** The Vite dev server's URL in `electron-vite dev`, else undefined (packaged or preview). */
  devServerUrl: string | undefined;
}

export interface IpcDeps extends IpcAccess {
  files: FileRegistry;
  documents: WindowDocuments;
  autosave: AutosaveStore;
  presenter: PresenterWindows;
  /** The local room's server, run in main. */
  room: RoomService;
  openRequests: OpenRequests;
  /** Files opened and saved lately (File ▸ Open Recent, the start screen, the OS's list). */
  recent: RecentDocuments;
  /** The hidden report window the PDF export prints. */
  report: ReportWindowDeps;
  /** The latest texts from the renderer, for dialog filters. */
  nativeTexts(): NativeTexts;
  /** New texts arrived (language switch): store them and rebuild the menu. */
  setNativeTexts(texts: NativeTexts): void;
  /** Where a new session's Save dialog starts. */
  documentsFolder(): string;
  /** Tests swap the file system calls of session saves. */
  writeOptions?: AtomicWriteOptions;
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const sessionFiles = {
    files: deps.files,
    nativeTexts: deps.nativeTexts,
    documentsFolder: deps.documentsFolder,
    writeOptions: deps.writeOptions,
  };
  const autosave = { store: deps.autosave, files: deps.files };
  const noteRecent = (fileId: string): void => {
    const path = deps.files.pathOf(fileId);
    if (path !== undefined) deps.recent.add(path);
  };
  return {
    openSession: async ({ window }) => {
      const result = await openSession(window, sessionFiles);
      if (result.kind === 'opened') noteRecent(result.fileId);
      return result;
    },
    saveSession: async ({ window }, request) => {
      const result = await saveSession(window, request, sessionFiles);
      if (result.kind === 'saved') noteRecent(result.fileId);
      return result;
    },
    confirmUnsaved: ({ window }, texts) => askUnsavedChoice(window, texts),
    setDocumentState: ({ window }, state) => {
      deps.documents.set(window.webContents.id, state);
      window.setTitle(state.title);
      if (process.platform === 'darwin') {
        // The dot in the close button, and the file's icon in the title bar (macOS only).
        window.setDocumentEdited(state.dirty);
        const path = state.fileId ? deps.files.pathOf(state.fileId) : undefined;
        window.setRepresentedFilename(path ?? '');
      }
    },
    setNativeTexts: (_caller, texts) => deps.setNativeTexts(texts),
    closeWindow: ({ window }) => {
      // The renderer calls this after the save that 'app.saveAndClose' asked for
      // succeeded, so the session is clean now; the close guard lets it through.
      deps.documents.markClean(window.webContents.id);
      window.close();
    },
    takeLaunchFile: ({ window }) => deps.openRequests.take(window),
    listRecent: () => deps.recent.list(),
    openRecent: async (_caller, recentId) => {
      const result = await deps.recent.open(recentId);
      // Only ids of the list: anything else is a bug or an attack, not a user situation.
      if (result === undefined) throw new IpcArgumentError('Unknown recent file.');
      return result;
    },
    clearRecent: () => {
      deps.recent.clear();
      return undefined;
    },
    copyImage: (_caller, request) => copyImage(request),
    writeAutosave: (_caller, request) => writeAutosave(request, autosave),
    readAutosave: () => readAutosave(autosave),
    clearAutosave: async () => {
      await deps.autosave.clear();
      return undefined;
    },
    exportPdf: ({ window }, request) => exportPdf(window, request, deps.report),
    exportFile: ({ window }, request) => exportFile(window, request),
    listDisplays: ({ window }) => deps.presenter.listDisplays(window),
    openPresenter: ({ window }, displayId) => deps.presenter.open(window, displayId),
    closePresenter: () => deps.presenter.close(),
    // Checked against the room state's one schema (shared/room-state.ts) before it is relayed.
    publishRoomState: ({ window }, state) => deps.presenter.publish(window, parseRoomState(state)),
    currentRoomState: ({ window }) => deps.presenter.currentState(window),
    setFullScreen: ({ window }, on) => deps.presenter.setFullScreen(window, on),
    roomCommand: ({ window }, command) => void deps.room.run(window, command),
    roomStatus: ({ window }) => deps.room.status(window),
  };
}

/** Registers every renderer → main channel of the table; returns a function that removes them again. */
export function registerIpc(handlers: IpcHandlers, access: IpcAccess): () => void {
  const registered: { channel: string; kind: 'invoke' | 'send' }[] = [];
  for (const name of Object.keys(IPC) as IpcName[]) {
    const spec = IPC[name];
    if (spec.kind === 'event') continue;
    const handler = handlers[name as InvokeName | SendName] as (caller: Caller, ...args: unknown[]) => unknown;
    const accept = (event: IpcMainEvent | IpcMainInvokeEvent, args: unknown[]): [Caller, unknown[]] => {
      const caller = callerOf(event, name, access);
      if (!isPlainData(args)) throw new IpcArgumentError(`${name}: refused arguments (not plain data).`);
      const parsed = spec.args.safeParse(args);
      if (!parsed.success) throw new IpcArgumentError(`${name}: refused arguments (${describeSchemaError(parsed.error)}).`);
      return [caller, parsed.data as unknown[]];
    };
    if (spec.kind === 'invoke') {
      ipcMain.handle(spec.channel, async (event, ...args) => {
        const [caller, parsed] = accept(event, args);
        return handler(caller, ...parsed);
      });
    } else {
      // Fire-and-forget channels have no caller to reject, and throwing in an
      // ipcMain listener would be an uncaught exception in main: log and drop.
      ipcMain.on(spec.channel, (event, ...args) => {
        try {
          const [caller, parsed] = accept(event, args);
          handler(caller, ...parsed);
        } catch (error) {
          console.warn(`Refused ${spec.channel}:`, error instanceof Error ? error.message : error);
        }
      });
    }
    registered.push({ channel: spec.channel, kind: spec.kind });
  }
  return () => {
    for (const { channel, kind } of registered) {
      if (kind === 'invoke') ipcMain.removeHandler(channel);
      else ipcMain.removeAllListeners(channel);
    }
  };
}

/**
 * Structured clone delivers only plain objects, arrays, primitives and typed
 * arrays; anything with another prototype did not come through IPC as data.
 */
function isPlainData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(isPlainData);
}

/** The caller of `name`, if it is our page in one of our windows and the channel is open to that window's role. */
function callerOf(event: IpcMainEvent | IpcMainInvokeEvent, name: IpcName, access: IpcAccess): Caller {
  const window = trustedWindowOf(event, access.devServerUrl);
  const role = access.roles.roleOf(window);
  if (role === undefined) throw new IpcSenderError(`${name} refused: the window has no role.`);
  if (!(IPC[name].roles as readonly WindowRole[]).includes(role)) throw new IpcSenderError(`${name} is not open to the ${role} window.`);
  return { window, role };
}

/**
 * The window behind an IPC call, if the call comes from the top frame of one
 * of our windows showing our own page; otherwise throws IpcSenderError.
 */
export function trustedWindowOf(event: IpcMainEvent | IpcMainInvokeEvent, devServerUrl: string | undefined): BrowserWindow {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isTrustedPageUrl(frame.url, devServerUrl)) {
    throw new IpcSenderError(`IPC from an untrusted sender (${frame?.url ?? 'unknown frame'}).`);
  }
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win) throw new IpcSenderError('IPC from web contents without a window.');
  return win;
}
