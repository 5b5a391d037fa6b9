/**
 * Main's whole IPC surface wired as index.ts wires it — one table, one
 * registration — against the fake electron module and real files in a temp
 * folder. Tests play the windows: a facilitator's window, a room screen, a
 * hidden report window, each with the role main gives it.
 *
 * invoke() parses every answer with the channel's result schema, so each
 * test that calls a channel also checks main answers within the contract.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { vi, type Mock } from 'vitest';
import type { NativeTexts } from '../../shared/contract';
import { IPC, type ArgsOf, type InvokeName, type ResultOf, type SendName, type WindowRole } from '../../shared/ipc';
import { AutosaveStore } from '../../electron/main/autosave';
import { WindowDocuments } from '../../electron/main/documents';
import { FileRegistry } from '../../electron/main/file-registry';
import type { AtomicWriteOptions } from '../../electron/main/files';
import { createIpcHandlers, registerIpc, type IpcDeps } from '../../electron/main/ipc';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { OpenRequests } from '../../electron/main/open-requests';
import { PresenterWindows } from '../../electron/main/presenter-window';
import { RoomService } from '../../electron/main/room';
import { RECENT_FILE_NAME, RecentDocuments } from '../../electron/main/recent-documents';
import { WindowRoles } from '../../electron/main/window-roles';
import { app, BrowserWindow, ipcMain, type FakeFrame } from './fake-electron';

export const PRELOAD_PATH = '/opt/Wavelength/resources/app.asar/out/preload/index.cjs';

export interface IpcHarness {
  folder: string;
  deps: IpcDeps & { setNativeTexts: Mock<(texts: NativeTexts) => void> };
  roles: WindowRoles;
  files: FileRegistry;
  documents: WindowDocuments;
  autosave: AutosaveStore;
  presenter: PresenterWindows;
  /** The real room server, bound to and advertising 127.0.0.1 only, on any free port. */
  room: RoomService;
  recent: RecentDocuments;
  /** The facilitator's window, loaded and with its role. */
  main: BrowserWindow;
  /** A window of `role` showing `url` (our page unless said otherwise). */
  window(role: WindowRole | null, url?: string): Promise<BrowserWindow>;
  invoke<K extends InvokeName>(from: BrowserWindow, name: K, ...args: ArgsOf<K>): Promise<ResultOf<K>>;
  /** Like invoke, but with arguments the types would not allow: what a hostile page could send. */
  invokeRaw(from: BrowserWindow, name: InvokeName, args: unknown[], frame?: FakeFrame | null): Promise<unknown>;
  send<K extends SendName>(from: BrowserWindow, name: K, ...args: ArgsOf<K>): void;
  sendRaw(from: BrowserWindow, name: SendName, args: unknown[]): void;
  dispose(): Promise<void>;
}

export async function startIpc(options: { devServerUrl?: string; writeOptions?: AtomicWriteOptions } = {}): Promise<IpcHarness> {
  const folder = await mkdtemp(join(tmpdir(), 'wavelength-ipc-'));
  app.documentsPath = folder;
  const roles = new WindowRoles();
  const files = new FileRegistry();
  const documents = new WindowDocuments();
  const autosave = new AutosaveStore(join(folder, 'userData', 'autosave'), () => new Date('2026-03-12T13:05:00.000Z'), '0.1.0');
  const presenter = new PresenterWindows({ preloadPath: PRELOAD_PATH, devServerUrl: options.devServerUrl, dataDir: folder, roles });
  // No participant page in these tests: the room serves no files, its sockets are what is tested.
  const room = new RoomService({
    files: () => new Map(),
    bindHost: '127.0.0.1',
    port: 0,
    addresses: () => [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback' }],
  });
  let main: BrowserWindow | undefined;
  const recent = new RecentDocuments({ listFile: join(folder, 'userData', RECENT_FILE_NAME), files, os: app });
  const openRequests = new OpenRequests({
    opened: (path) => recent.add(path),
    files,
    mainWindow: () => main as unknown as ElectronWindow | undefined,
    openMainWindow: () => undefined,
    isReady: () => true,
  });
  let texts = DEFAULT_NATIVE_TEXTS;
  const deps = {
    recent,
    roles,
    devServerUrl: options.devServerUrl,
    files,
    documents,
    autosave,
    presenter,
    room,
    openRequests,
    report: { preloadPath: PRELOAD_PATH, devServerUrl: options.devServerUrl, roles },
    nativeTexts: () => texts,
    setNativeTexts: vi.fn((next: NativeTexts) => {
      texts = next;
    }),
    documentsFolder: () => folder,
    writeOptions: options.writeOptions,
  };
  const unregister = registerIpc(createIpcHandlers(deps), deps);

  const window = async (role: WindowRole | null, url = role === 'presenter' ? 'app://wavelength/index.html?view=presenter' : 'app://wavelength/index.html') => {
    const win = new BrowserWindow({});
    if (role !== null) roles.assign(win as unknown as ElectronWindow, role);
    await win.loadURL(url);
    return win;
  };
  main = await window('main');

  return {
    folder,
    deps,
    roles,
    files,
    documents,
    autosave,
    presenter,
    room,
    recent,
    main,
    window,
    async invoke(from, name, ...args) {
      const answer = await ipcMain.invokeFrom(from.webContents, IPC[name].channel, args);
      return IPC[name].result.parse(answer) as never;
    },
    invokeRaw: (from, name, args, frame) => ipcMain.invokeFrom(from.webContents, IPC[name].channel, args, frame),
    send: (from, name, ...args) => ipcMain.sendFrom(from.webContents, IPC[name].channel, args),
    sendRaw: (from, name, args) => ipcMain.sendFrom(from.webContents, IPC[name].channel, args),
    async dispose() {
      unregister();
      await autosave.idle();
      await presenter.idle();
      await room.dispose();
      await recent.idle();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
