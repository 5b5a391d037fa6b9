import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS } from '../../electron/contract';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { app, BrowserWindow, fakeEvent, ipcMain, Menu, protocol, resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

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

beforeEach(() => {
  resetFakeElectron();
  delete process.env.ELECTRON_RENDERER_URL;
});

afterEach(() => {
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
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [
        CHANNELS.confirmUnsaved,
        CHANNELS.openSession,
        CHANNELS.saveSession,
        CHANNELS.listDisplays,
        CHANNELS.openPresenter,
        CHANNELS.currentRoomState,
        CHANNELS.exportPdf,
        CHANNELS.exportFile,
      ].sort(),
    );
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
