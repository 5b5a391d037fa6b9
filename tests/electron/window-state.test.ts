// The facilitator's window opens where it was left, checked against the
// displays present: the rules by hand, the keeper on a fake window writing a
// real file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import {
  keepWindowState,
  parseWindowState,
  placeMainWindow,
  serializeWindowState,
  WINDOW_STATE_FILE_NAME,
  WindowStateStore,
  type WindowState,
} from '../../electron/main/window-state';
import { createMainWindow } from '../../electron/main/main-window';
import { WindowDocuments } from '../../electron/main/documents';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { WindowRoles } from '../../electron/main/window-roles';
import { BrowserWindow, fakeDisplay, LAPTOP_DISPLAY, nativeTheme, resetFakeElectron, screen } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const SIZE = { width: 1440, height: 900, minWidth: 960, minHeight: 600 };
const LAPTOP = { workArea: { x: 0, y: 0, width: 1920, height: 1050 }, primary: true };
/** An external monitor to the left of the laptop. */
const LEFT_MONITOR = { workArea: { x: -2560, y: 0, width: 2560, height: 1440 }, primary: false };

const state = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('placeMainWindow', () => {
  it('reuses the saved place when it lies on a display present now', () => {
    expect(placeMainWindow(state(-2000, 100, 1600, 1000), [LAPTOP, LEFT_MONITOR], SIZE)).toEqual({
      bounds: { x: -2000, y: 100, width: 1600, height: 1000 },
      maximized: false,
      source: 'saved',
    });
  });

  it('a window left on a monitor that is gone opens centred on the primary display, at its size', () => {
    // (1920 − 1600) / 2 = 160, (1050 − 1000) / 2 = 25
    expect(placeMainWindow(state(-2000, 100, 1600, 1000, true), [LAPTOP], SIZE)).toEqual({
      bounds: { x: 160, y: 25, width: 1600, height: 1000 },
      maximized: true,
      source: 'centred',
    });
  });

  it('less than half on any display counts as off every display', () => {
    // 1440×900 at x = 1200: 720 of 1440 px wide on the laptop is exactly half → still saved.
    expect(placeMainWindow(state(1200, 0, 1440, 900), [LAPTOP], SIZE).source).toBe('saved');
    // One pixel further: under half.
    expect(placeMainWindow(state(1201, 0, 1440, 900), [LAPTOP], SIZE).source).toBe('centred');
  });

  it('shrinks a remembered size that no longer fits the primary display, never below the minimum', () => {
    const small = { workArea: { x: 0, y: 0, width: 1280, height: 680 }, primary: true };
    // 2560×1440 saved on a monitor that is gone: fit into 1280×680 → x 0, y 0.
    expect(placeMainWindow(state(-2560, 0, 2560, 1440), [small], SIZE).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 680 });
    const tiny = { workArea: { x: 0, y: 0, width: 800, height: 500 }, primary: true };
    // The minimum wins over the display: 960×600 centred on 800×500 → x −80, y −50.
    expect(placeMainWindow(null, [tiny], SIZE).bounds).toEqual({ x: -80, y: -50, width: 960, height: 600 });
  });

  it('without anything saved: the default size centred on the primary display (a secondary one listed first)', () => {
    // (1920 − 1440) / 2 = 240, (1050 − 900) / 2 = 75
    expect(placeMainWindow(null, [LEFT_MONITOR, LAPTOP], SIZE)).toEqual({ bounds: { x: 240, y: 75, width: 1440, height: 900 }, maximized: false, source: 'centred' });
  });

  it('a saved size below the minimum (an edited file) grows to the minimum where it was; a sliver is no place at all', () => {
    expect(placeMainWindow(state(10, 10, 400, 300), [LAPTOP], SIZE).bounds).toEqual({ x: 10, y: 10, width: 960, height: 600 });
    // Under 200 px a side (presenter-display.ts's rule): broken, centred at the minimum, (1920 − 960) / 2 = 480, (1050 − 600) / 2 = 225.
    expect(placeMainWindow(state(10, 10, 150, 150), [LAPTOP], SIZE).bounds).toEqual({ x: 480, y: 225, width: 960, height: 600 });
  });
});

describe('the state file', () => {
  it('round-trips', () => {
    const saved = state(-2000, 100, 1600, 1000, true);
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['another format', JSON.stringify({ format: 'x', version: 1, bounds: { x: 0, y: 0, width: 1, height: 1 }, maximized: false })],
    ['a newer version', JSON.stringify({ format: 'wavelength-window-state', version: 2, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false })],
    ['a string for a number', JSON.stringify({ format: 'wavelength-window-state', version: 1, bounds: { x: '0', y: 0, width: 10, height: 10 }, maximized: false })],
    ['a zero width', JSON.stringify({ format: 'wavelength-window-state', version: 1, bounds: { x: 0, y: 0, width: 0, height: 10 }, maximized: false })],
    ['a huge coordinate', JSON.stringify({ format: 'wavelength-window-state', version: 1, bounds: { x: 1e9, y: 0, width: 10, height: 10 }, maximized: false })],
    ['an extra key', JSON.stringify({ format: 'wavelength-window-state', version: 1, bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false, evil: 1 })],
    ['a huge file', ' '.repeat(5000)],
  ])('is nothing when it holds %s', (_what, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('keeping the place', () => {
  let folder: string;
  let file: string;

  beforeEach(async () => {
    resetFakeElectron();
    folder = await mkdtemp(join(tmpdir(), 'wavelength-window-state-'));
    file = join(folder, 'userData', WINDOW_STATE_FILE_NAME);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await rm(folder, { recursive: true, force: true });
  });

  const onDisk = async () => parseWindowState(await readFile(file, 'utf8'));

  it('writes once the window stopped moving, the maximised state, and on close', async () => {
    vi.useFakeTimers();
    const store = new WindowStateStore(file);
    const win = new BrowserWindow({ x: 100, y: 50, width: 1200, height: 800 });
    keepWindowState(win as unknown as ElectronWindow, store, 500);

    win.moveTo({ x: 110, y: 50, width: 1200, height: 800 });
    win.moveTo({ x: 300, y: 60, width: 1300, height: 820 });
    await vi.advanceTimersByTimeAsync(499);
    await store.idle();
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await store.idle();
    expect(await onDisk()).toEqual(state(300, 60, 1300, 820));

    win.maximize();
    win.close();
    await store.idle();
    expect(await onDisk()).toEqual(state(300, 60, 1300, 820, true));
  });

  it('full screen (the present mode) is not the window’s place', async () => {
    const store = new WindowStateStore(file);
    const win = new BrowserWindow({ x: 100, y: 50, width: 1200, height: 800 });
    keepWindowState(win as unknown as ElectronWindow, store, 0);
    win.setFullScreen(true);
    win.close();
    await store.idle();
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });

  it('the facilitator’s window opens at the saved place, or centred when that is off every display', async () => {
    screen.displays = [LAPTOP_DISPLAY, fakeDisplay(2, { x: 1920, y: 0, width: 2560, height: 1440 })];
    const store = new WindowStateStore(file);
    const open = (saved: WindowState | null) =>
      createMainWindow({
        preloadPath: '/p.cjs',
        devServerUrl: undefined,
        documents: new WindowDocuments(),
        roles: new WindowRoles(),
        nativeTexts: () => DEFAULT_NATIVE_TEXTS,
        windowState: { saved, store },
      }) as unknown as BrowserWindow;

    const onMonitor = open(state(2100, 100, 1800, 1100, true));
    expect(onMonitor.bounds).toEqual({ x: 2100, y: 100, width: 1800, height: 1100 });
    expect(onMonitor.isMaximized()).toBe(true);

    // The monitor is unplugged: centred on the laptop, (1920 − 1800) / 2 = 60, (1080 − 1080) / 2 = 0 (height fits the display).
    screen.displays = [LAPTOP_DISPLAY];
    const back = open(state(2100, 100, 1800, 1100));
    expect(back.bounds).toEqual({ x: 60, y: 0, width: 1800, height: 1080 });

    // A broken file on disk: the default place.
    await writeFile(join(folder, 'state.json'), 'garbage');
    expect(new WindowStateStore(join(folder, 'state.json')).load()).toBeNull();
    await store.idle();
  });

  it('the window’s first colour follows the OS’s dark mode', () => {
    nativeTheme.shouldUseDarkColors = true;
    const win = createMainWindow({
      preloadPath: '/p.cjs',
      devServerUrl: undefined,
      documents: new WindowDocuments(),
      roles: new WindowRoles(),
      nativeTexts: () => DEFAULT_NATIVE_TEXTS,
    }) as unknown as BrowserWindow;
    expect(win.options.backgroundColor).toBe('#14181f');
  });
});
