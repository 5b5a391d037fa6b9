import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { PLACEMENT_FILE_NAME } from '../../electron/main/presenter-display';
import { PresenterWindows, presenterUrl, presenterWindowOptions } from '../../electron/main/presenter-window';
import { WindowRoles } from '../../electron/main/window-roles';
import { windowOptions } from '../../electron/main/windows';
import { BrowserWindow, fakeDisplay, LAPTOP_DISPLAY, resetFakeElectron, screen } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const PRELOAD = '/app/out/preload/index.cjs';
const PROJECTOR = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 720 }, { label: 'Beamer' });
const TV = fakeDisplay(3, { x: -3840, y: 0, width: 3840, height: 2160 }, { label: 'Room TV' });

let dataDir: string;
let main: BrowserWindow;
let presenter: PresenterWindows;

beforeEach(async () => {
  resetFakeElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'wavelength-presenter-'));
  screen.displays = [LAPTOP_DISPLAY, PROJECTOR];
  main = new BrowserWindow({ x: 100, y: 100, width: 1440, height: 900 });
  presenter = new PresenterWindows({ preloadPath: PRELOAD, devServerUrl: undefined, dataDir, roles: new WindowRoles() });
});

afterEach(async () => {
  // A window closed in the test remembers its display with a write that may still be running.
  await presenter.idle();
  await rm(dataDir, { recursive: true, force: true });
});

const owner = () => main as unknown as ElectronWindow;
const roomWindow = () => presenter.window as unknown as BrowserWindow | null;
const savedPlacement = async () => JSON.parse(await readFile(join(dataDir, PLACEMENT_FILE_NAME), 'utf8')) as Record<string, unknown>;

describe('presenter window options', () => {
  it('are the main window options from windowOptions(), placed on the display and full screen, with the presenter role', () => {
    const bounds = { x: 1920, y: 0, width: 1280, height: 720 };
    const options = presenterWindowOptions(PRELOAD, bounds);
    const base = windowOptions('main', PRELOAD);
    // The same security settings and preload, exactly; only the role its preload is told differs.
    expect(options.webPreferences).toEqual({ ...base.webPreferences, additionalArguments: ['--wavelength-role=presenter'] });
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: PRELOAD });
    expect(options).toMatchObject({ ...bounds, fullscreen: true, show: false, autoHideMenuBar: true });
  });

  it('load the app page with ?view=presenter, from app:// or the dev server', () => {
    expect(presenterUrl(undefined)).toBe('app://wavelength/index.html?view=presenter');
    expect(presenterUrl('http://localhost:5173')).toBe('http://localhost:5173/?view=presenter');
  });
});

describe('PresenterWindows', () => {
  it('opens full screen on the external display, from windowOptions(), without taking the focus', async () => {
    const status = await presenter.open(owner(), null);
    expect(status).toEqual({ open: true, displayId: PROJECTOR.id });
    const win = roomWindow()!;
    expect(win.options.webPreferences).toEqual(windowOptions('presenter', PRELOAD).webPreferences);
    expect(win.bounds).toEqual(PROJECTOR.bounds);
    expect(win.isFullScreen()).toBe(true);
    expect(win.menuRemoved).toBe(true);
    expect(win.webContents.loadedUrl).toBe('app://wavelength/index.html?view=presenter');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.shownInactive).toBe(true);
    // The facilitator hears that it is open.
    expect(main.webContents.sent).toContainEqual([CHANNELS.presenterStatus, { open: true, displayId: PROJECTOR.id }]);
  });

  it('remembers the display, and reuses it next time while it exists', async () => {
    screen.displays = [LAPTOP_DISPLAY, PROJECTOR, TV];
    await presenter.open(owner(), TV.id);
    expect(await savedPlacement()).toMatchObject({ displayId: TV.id, bounds: TV.bounds });
    presenter.close();
    expect(roomWindow()).toBeNull();

    // Next time, without a choice: the remembered TV, not the first external display.
    const again = new PresenterWindows({ preloadPath: PRELOAD, devServerUrl: undefined, dataDir, roles: new WindowRoles() });
    await again.open(owner(), null);
    expect(again.status().displayId).toBe(TV.id);
    const displays = await again.listDisplays(owner());
    expect(displays.find((d) => d.suggested)?.id).toBe(TV.id);
  });

  it('falls back to the external display when the remembered one is gone', async () => {
    await writeFile(
      join(dataDir, PLACEMENT_FILE_NAME),
      JSON.stringify({ format: 'wavelength-presenter-display', version: 1, displayId: TV.id, bounds: TV.bounds }),
    );
    expect((await presenter.open(owner(), null)).displayId).toBe(PROJECTOR.id);
  });

  it('falls back when the remembered bounds are off-screen now, and ignores a damaged file', async () => {
    await writeFile(
      join(dataDir, PLACEMENT_FILE_NAME),
      JSON.stringify({ format: 'wavelength-presenter-display', version: 1, displayId: PROJECTOR.id, bounds: { x: 9000, y: 9000, width: 1280, height: 720 } }),
    );
    await presenter.open(owner(), null);
    expect(roomWindow()!.bounds).toEqual(PROJECTOR.bounds);
    presenter.close();

    await writeFile(join(dataDir, PLACEMENT_FILE_NAME), '{"broken');
    expect((await presenter.open(owner(), null)).displayId).toBe(PROJECTOR.id);
  });

  it('with a single display, opens on it (the facilitator may prefer present mode)', async () => {
    screen.displays = [LAPTOP_DISPLAY];
    expect((await presenter.open(owner(), null)).displayId).toBe(LAPTOP_DISPLAY.id);
  });

  it('lists the displays with what the facilitator needs to pick one', async () => {
    const displays = await presenter.listDisplays(owner());
    expect(displays).toEqual([
      { id: 1, name: 'Built-in', width: 1920, height: 1080, primary: true, internal: true, hasMainWindow: true, suggested: false },
      { id: 2, name: 'Beamer', width: 1280, height: 720, primary: false, internal: false, hasMainWindow: false, suggested: true },
    ]);
  });

  it('refuses a display that does not exist, and opens nothing', async () => {
    await expect(presenter.open(owner(), 42)).rejects.toThrow(/Unknown display/);
    expect(roomWindow()).toBeNull();
  });

  it('moves the open window to another display instead of opening a second one', async () => {
    screen.displays = [LAPTOP_DISPLAY, PROJECTOR, TV];
    await presenter.open(owner(), PROJECTOR.id);
    const win = roomWindow();
    await presenter.open(owner(), TV.id);
    expect(roomWindow()).toBe(win);
    expect(BrowserWindow.getAllWindows()).toHaveLength(2);
    expect(win!.bounds).toEqual(TV.bounds);
    expect(win!.isFullScreen()).toBe(true);
    expect(presenter.status()).toEqual({ open: true, displayId: TV.id });
  });

  it('closes with the facilitator window, and tells the facilitator when it closes', async () => {
    await presenter.open(owner(), null);
    const win = roomWindow()!;
    win.close();
    expect(main.webContents.sent.at(-1)).toEqual([CHANNELS.presenterStatus, { open: false, displayId: null }]);

    await presenter.open(owner(), null);
    const second = roomWindow()!;
    main.close();
    expect(second.isDestroyed()).toBe(true);
    expect(presenter.status()).toEqual({ open: false, displayId: null });
  });

  it('closes when its display is unplugged, rather than land on the laptop screen', async () => {
    screen.displays = [LAPTOP_DISPLAY, PROJECTOR, TV];
    await presenter.open(owner(), PROJECTOR.id);
    const win = roomWindow()!;
    screen.removeDisplay(TV.id);
    expect(win.isDestroyed()).toBe(false);
    screen.removeDisplay(PROJECTOR.id);
    expect(win.isDestroyed()).toBe(true);
    expect(main.webContents.sent.at(-1)).toEqual([CHANNELS.presenterStatus, { open: false, displayId: null }]);
    // Still remembered: when the projector comes back, the room view goes there again.
    expect(await savedPlacement()).toMatchObject({ displayId: PROJECTOR.id });
  });

  it('remembers the display the user moved the window to before closing it', async () => {
    screen.displays = [LAPTOP_DISPLAY, PROJECTOR, TV];
    await presenter.open(owner(), PROJECTOR.id);
    const win = roomWindow()!;
    win.setFullScreen(false);
    win.setBounds({ x: -3000, y: 200, width: 1600, height: 900 });
    win.close();
    await vi.waitFor(async () => expect(await savedPlacement()).toMatchObject({ displayId: TV.id, bounds: { x: -3000, y: 200, width: 1600, height: 900 } }));
  });

  it('reloads a room view whose page crashed; it asks for the latest state again', async () => {
    await presenter.open(owner(), null);
    const win = roomWindow()!;
    const error = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    win.webContents.crash('oom');
    expect(win.webContents.reloads).toBe(1);
    win.webContents.crash('clean-exit');
    expect(win.webContents.reloads).toBe(1);
    error.mockRestore();
  });

  it('puts a window in and out of full screen for present mode and tells it when that changes', () => {
    presenter.setFullScreen(owner(), true);
    expect(main.isFullScreen()).toBe(true);
    main.setFullScreen(false); // e.g. the OS's own full-screen button
    expect(main.webContents.sent).toEqual([
      [CHANNELS.fullScreenChange, true],
      [CHANNELS.fullScreenChange, false],
    ]);
  });
});
