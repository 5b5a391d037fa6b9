import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { IPC } from '../../shared/ipc';
import { roomStatusSchema } from '../../shared/room-protocol';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { app, BrowserWindow, dialog, fakeEvent, ipcMain, Menu, nativeTheme, protocol, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// The app's real room service, but bound to and advertising 127.0.0.1 only: tests never listen on the network.
vi.mock('../../electron/main/room', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/main/room')>();
  class LoopbackRoomService extends real.RoomService {
    constructor(options: ConstructorParameters<typeof real.RoomService>[0]) {
      super({ ...options, files: () => new Map(), bindHost: '127.0.0.1', port: 0, addresses: () => [{ address: '127.0.0.1', interfaceName: 'lo', kind: 'loopback' }] });
    }
  }
  return { ...real, RoomService: LoopbackRoomService };
});

// index.ts has module-level state (it *is* the app), so each test loads it
// afresh after vi.resetModules(). Resolving 'electron' once up front pins the
// mock to the fake instance imported above: the mock survives resetModules,
// so index.ts and the test keep talking to the same fake.
beforeAll(async () => {
  await import('electron');
});

/** Load electron/main/index.ts afresh, as Electron does at start-up. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../electron/main/index');
}

/** Fire 'ready' and let the whenReady().then(...) wiring run. */
async function becomeReady(): Promise<void> {
  app.becomeReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
const savedArgv = process.argv;
/** The packaged app's executable, as argv[0]. */
const EXE = '/opt/Wavelength/wavelength';

beforeEach(() => {
  resetFakeElectron();
  delete process.env.ELECTRON_RENDERER_URL;
  // A packaged app started without arguments (not vitest's own command line).
  process.argv = [EXE];
});

afterEach(() => {
  process.argv = savedArgv;
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
});

describe('start-up', () => {
  it('registers the app:// scheme and sandboxing before ready, windows only after', async () => {
    await startMain();
    expect(protocol.privilegedSchemes).toHaveLength(1);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(BrowserWindow.windows).toHaveLength(0);

    await becomeReady();
    expect(BrowserWindow.windows).toHaveLength(1);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).toBeDefined();
    // Every channel the renderer calls, from the one table.
    const calls = Object.values(IPC).filter((spec) => spec.kind === 'invoke').map((spec) => spec.channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(calls.sort());
    expect(Menu.applicationMenu).not.toBeNull();
  });

  it('opens a hardened, sandboxed window on app://wavelength/index.html with the built preload', async () => {
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    const webPreferences = win.options.webPreferences as Record<string, unknown>;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(webPreferences.preload).replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(win.webContents.loadedUrl).toBe('app://wavelength/index.html');
    // Hardened through app 'web-contents-created'.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigation = fakeEvent({ url: 'https://evil.example/' });
    win.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('shows the window only when it is ready to show', async () => {
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('loads the Vite dev server in dev, never in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await startMain();
    await becomeReady();
    expect(BrowserWindow.windows[0]?.webContents.loadedUrl).toBe('http://localhost:5173');

    resetFakeElectron();
    app.isPackaged = true;
    await startMain();
    await becomeReady();
    expect(BrowserWindow.windows[0]?.webContents.loadedUrl).toBe('app://wavelength/index.html');
  });

  it('quits at once when another instance holds the lock', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await startMain();
    await becomeReady();
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.windows).toHaveLength(0);
  });
});

describe('running', () => {
  beforeEach(async () => {
    await startMain();
    await becomeReady();
  });

  it('quits when the last window closes (not macOS)', () => {
    if (process.platform === 'darwin') return;
    BrowserWindow.windows[0]!.close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('a second start focuses the existing window', () => {
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(BrowserWindow.getFocusedWindow()).toBe(BrowserWindow.windows[0]);
  });

  it('guards a dirty window on close', () => {
    const win = BrowserWindow.windows[0]!;
    ipcMain.sendFrom(win.webContents, CHANNELS.setDocumentState, [{ title: 'Atlas', dirty: true }]);
    win.close();
    expect(win.isDestroyed()).toBe(false);
  });

  it('menu commands go to the focused window; new texts rebuild the menu', () => {
    const win = BrowserWindow.windows[0]!;
    win.focus();
    const template = (): MenuItemConstructorOptions[] =>
      (Menu.applicationMenu!.template as MenuItemConstructorOptions[]).flatMap((menu) =>
        Array.isArray(menu.submenu) ? menu.submenu : [],
      );
    (template().find((entry) => entry.id === 'file.save')!.click as () => void)();
    expect(win.webContents.sent).toContainEqual([CHANNELS.command, 'file.save']);

    const german = { ...DEFAULT_NATIVE_TEXTS, menu: { ...DEFAULT_NATIVE_TEXTS.menu, 'file.save': 'Speichern' } };
    ipcMain.sendFrom(win.webContents, CHANNELS.setNativeTexts, [german]);
    expect(template().find((entry) => entry.id === 'file.save')?.label).toBe('Speichern');
  });
});

describe('files from the OS', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'wavelength-lifecycle-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function sessionFile(name: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, '{"format":"wavelength-session"}');
    return path;
  }

  const take = (win: BrowserWindow): Promise<unknown> => ipcMain.invokeFrom(win.webContents, CHANNELS.takeLaunchFile, []);

  it('a file on the command line is the launch file: handed over once, then none', async () => {
    const path = await sessionFile('Atlas.wavelength');
    process.argv = [EXE, '--enable-logging', path];
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;

    const result = (await take(win)) as { kind: string; fileName: string; text: string };
    expect(result).toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength', text: '{"format":"wavelength-session"}' });
    expect(JSON.stringify(result)).not.toContain(folder);
    await expect(take(win)).resolves.toEqual({ kind: 'none' });
  });

  it('a file that is not a session, or is missing, comes back as an error the page explains', async () => {
    process.argv = [EXE, join(folder, 'notes.txt')];
    await startMain();
    await becomeReady();
    await expect(take(BrowserWindow.windows[0]!)).resolves.toMatchObject({ kind: 'error', fileName: 'notes.txt', reason: 'notSessionFile' });

    resetFakeElectron();
    process.argv = [EXE, join(folder, 'Gone.wavelength')];
    await startMain();
    await becomeReady();
    await expect(take(BrowserWindow.windows[0]!)).resolves.toMatchObject({ kind: 'error', fileName: 'Gone.wavelength', reason: 'notFound' });
  });

  it('--export runs the batch, never opens its input as a launch file', async () => {
    process.argv = [EXE, '--export', await sessionFile('Atlas.wavelength'), '--out', folder];
    await startMain();
    expect(ipcMain.handlers.has(CHANNELS.takeLaunchFile)).toBe(false);
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('a second start with a file focuses the window and sends the file there', async () => {
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    await expect(take(win)).resolves.toEqual({ kind: 'none' });

    const path = await sessionFile('Beta.wavelength');
    app.emit('second-instance', fakeEvent(), [EXE, 'Beta.wavelength'], folder);
    expect(BrowserWindow.getFocusedWindow()).toBe(win);
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual([CHANNELS.openFile, expect.objectContaining({ kind: 'opened', fileName: 'Beta.wavelength' })]));
    expect(JSON.stringify(win.webContents.sent)).not.toContain(path);
  });

  it('a second start while the page is still loading leaves the file for its launch request', async () => {
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    await sessionFile('Beta.wavelength');
    app.emit('second-instance', fakeEvent(), [EXE, 'Beta.wavelength'], folder);
    expect(win.webContents.sent).toEqual([]);
    await expect(take(win)).resolves.toMatchObject({ kind: 'opened', fileName: 'Beta.wavelength' });
  });

  it('macOS open-file before ready is queued and becomes the launch file', async () => {
    await startMain();
    const event = fakeEvent();
    app.emit('open-file', event, await sessionFile('Atlas.wavelength'));
    expect(event.defaultPrevented).toBe(true);
    expect(BrowserWindow.windows).toHaveLength(0);

    await becomeReady();
    await expect(take(BrowserWindow.windows[0]!)).resolves.toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength' });
  });

  it('macOS open-file with every window closed opens a window for it', async () => {
    await startMain();
    await becomeReady();
    BrowserWindow.windows[0]!.close();
    app.emit('open-file', fakeEvent(), await sessionFile('Atlas.wavelength'));
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    await expect(take(BrowserWindow.getAllWindows()[0]!)).resolves.toMatchObject({ kind: 'opened', fileName: 'Atlas.wavelength' });
  });
});

describe('the autosave on close and quit', () => {
  let userData: string;
  let autosaveFolder: string;

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'wavelength-userdata-'));
    autosaveFolder = join(userData, 'autosave');
    app.paths.set('userData', userData);
    await mkdir(autosaveFolder);
    await writeFile(join(autosaveFolder, 'autosave.json'), '{}');
    await startMain();
    await becomeReady();
  });

  afterEach(async () => {
    // Quitting waits for what main still writes to userData (autosave, recent files, the window's place).
    app.quit.mockClear();
    const quit = fakeEvent();
    app.emit('will-quit', quit);
    // Not held: a quit in the test flushed everything already.
    if (quit.defaultPrevented) await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    await rm(userData, { recursive: true, force: true });
  });

  const markDirty = (win: BrowserWindow) => ipcMain.sendFrom(win.webContents, CHANNELS.setDocumentState, [{ title: 'Atlas', dirty: true }]);

  it("Don't save clears it: the user gave the changes up", async () => {
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win.close();
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    // The autosave is gone; what stays is where the window was.
    await vi.waitFor(async () => expect(await readdir(userData)).toEqual(['window-state.json']));
  });

  it("a quit that stopped to ask goes on after Don't save, also where closing the last window doesn't quit (macOS)", async () => {
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    app.emit('before-quit', fakeEvent());
    app.quit.mockClear();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    win.close();
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    expect(app.quit).toHaveBeenCalled();
  });

  it('Cancel calls the quit off: closing the window later does not quit', async () => {
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    app.emit('before-quit', fakeEvent());
    win.close(); // the fake dialog answers Cancel
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.isDestroyed()).toBe(false);
    app.quit.mockClear();
    ipcMain.sendFrom(win.webContents, CHANNELS.setDocumentState, [{ title: 'Atlas', dirty: false }]);
    win.close();
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('Cancel, and a crash (no close at all), leave it for the next start', async () => {
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    win.close(); // the fake dialog answers Cancel
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.isDestroyed()).toBe(false);
    expect(await readdir(autosaveFolder)).toEqual(['autosave.json']);
  });

  it('quitting waits until a pending autosave write or clear is on disk', async () => {
    const win = BrowserWindow.windows[0]!;
    const cleared = ipcMain.invokeFrom(win.webContents, CHANNELS.clearAutosave, []);
    const quit = fakeEvent();
    app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await cleared;
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    // The second time round, it lets the quit through.
    const again = fakeEvent();
    app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('a crashed page, then closing: the autosave stays whatever the dialogs answer (never "Don\'t save")', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    // Every box answers its second button: "Close window" for the crash offer, "Don't save" for unsaved changes.
    dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    win.webContents.crash('crashed');
    await vi.waitFor(() => expect(win.isDestroyed()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readdir(autosaveFolder)).toEqual(['autosave.json']);
    // Main asked about the crash, never about saving: the dead page could not have saved.
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(dialog.showMessageBox.mock.calls[0]![1]).toMatchObject({ message: DEFAULT_NATIVE_TEXTS.crashMessage });
    error.mockRestore();
  });

  it('a crashed page, then quitting: the window closes without the question and the autosave stays', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    dialog.showMessageBox.mockReturnValue(new Promise(() => undefined));
    win.webContents.crash('oom');
    app.emit('before-quit', fakeEvent());
    win.close();
    expect(win.isDestroyed()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readdir(autosaveFolder)).toEqual(['autosave.json']);
    error.mockRestore();
  });

  it('Reload after a crash loads the page afresh; it starts clean and offers the autosave back', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win = BrowserWindow.windows[0]!;
    markDirty(win);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.webContents.crash('crashed');
    await vi.waitFor(() => expect(win.webContents.reloads).toBe(1));
    // What the old page said about unsaved changes no longer holds; closing now asks nothing and keeps the autosave.
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(await readdir(autosaveFolder)).toEqual(['autosave.json']);
    error.mockRestore();
  });
});

describe('the local room on quit', () => {
  it('quitting closes an open room: its port no longer answers', async () => {
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    ipcMain.sendFrom(win.webContents, CHANNELS.roomCommand, [{ type: 'open' }]);
    const status = await vi.waitFor(async () => {
      const answer = roomStatusSchema.parse(await ipcMain.invokeFrom(win.webContents, CHANNELS.roomStatus, []));
      if (!answer.open) throw new Error('not open yet');
      return answer;
    });
    expect(win.webContents.sent.some(([channel]) => channel === CHANNELS.roomEvent)).toBe(true);
    expect(await answers(status.join.port)).toBe(true);
    const quit = fakeEvent();
    app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(await answers(status.join.port)).toBe(false);
  });
});

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
describe('desktop conventions at start-up', () => {
  let userData: string;

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'wavelength-desktop-'));
    app.paths.set('userData', userData);
  });

  afterEach(async () => {
    app.quit.mockClear();
    const quit = fakeEvent();
    app.emit('will-quit', quit);
    if (quit.defaultPrevented) await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    await rm(userData, { recursive: true, force: true });
  });

  const fileMenuItem = (id: string): MenuItemConstructorOptions | undefined => {
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
    return all((Menu.applicationMenu?.template ?? []) as MenuItemConstructorOptions[]).find((item) => item.id === id);
  };

  it('follows the OS theme, and About says the version', async () => {
    app.version = '1.2.3';
    await startMain();
    await becomeReady();
    expect(nativeTheme.themeSource).toBe('system');
    expect(app.aboutPanelOptions).toEqual({ applicationName: 'Wavelength', applicationVersion: '1.2.3', version: '' });
    app.version = '0.1.0';
  });

  it('File ▸ Open Recent lists what an earlier run opened; an item reads the file again and sends it to the window', async () => {
    const path = join(userData, 'Atlas.wavelength');
    await writeFile(path, '{"format":"wavelength-session"}');
    await writeFile(join(userData, 'recent-documents.json'), JSON.stringify({ format: 'wavelength-recent-documents', version: 1, paths: [path] }));
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    const item = fileMenuItem('recent.0');
    expect(item?.label).toBe('Atlas.wavelength');
    (item!.click as () => void)();
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual([CHANNELS.openFile, expect.objectContaining({ kind: 'opened', fileName: 'Atlas.wavelength' })]));
    expect(JSON.stringify(win.webContents.sent)).not.toContain(`"${path}"`);

    // Clear empties the menu and tells the window.
    (fileMenuItem('recent.clear')!.click as () => void)();
    expect(fileMenuItem('recent.none')?.enabled).toBe(false);
    expect(win.webContents.sent).toContainEqual([CHANNELS.recentChanged, []]);
  });

  it('the window opens where it was left, if that is on a display present now', async () => {
    await writeFile(
      join(userData, 'window-state.json'),
      JSON.stringify({ format: 'wavelength-window-state', version: 1, bounds: { x: 100, y: 80, width: 1200, height: 760 }, maximized: true }),
    );
    await startMain();
    await becomeReady();
    const win = BrowserWindow.windows[0]!;
    expect(win.bounds).toEqual({ x: 100, y: 80, width: 1200, height: 760 });
    expect(win.isMaximized()).toBe(true);
  });
});
