/**
 * The facilitator's window opens where the user left it: size, position and
 * whether it was maximised, kept in a small JSON file in the app's data
 * folder. Like the presenter's display (presenter-display.ts), a remembered
 * place is only reused after checking it against the displays present now: a
 * window that would open off every display (the external monitor is gone, the
 * file was edited) opens centred on the primary display instead.
 *
 * The rules are pure (parse, serialize, place); WindowStateKeeper is the thin
 * part that listens to the window and writes the file.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files';
import { isOnDisplay, type Rect } from './presenter-display';
import { readTextOrEmpty } from './recent-documents';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
const WINDOW_STATE_FORMAT = 'wavelength-window-state';
const MAX_WINDOW_STATE_BYTES = 4096;
/** Saved after the window stopped moving for this long, so a drag makes one write. */
const SAVE_DELAY_MS = 500;

export interface WindowState {
  /** The window's normal (not maximised) bounds, in device-independent pixels. */
  bounds: Rect;
  maximized: boolean;
}

const coordinate = z.number().finite().min(-1e5).max(1e5);
const side = z.number().finite().min(1).max(1e5);
const windowStateSchema = z.strictObject({
  format: z.literal(WINDOW_STATE_FORMAT),
  version: z.literal(1),
  bounds: z.strictObject({ x: coordinate, y: coordinate, width: side, height: side }),
  maximized: z.boolean(),
});

/** The state in a file's text, or null when it is not a valid one (then the window opens at its default place). */
export function parseWindowState(text: string): WindowState | null {
  if (text.length > MAX_WINDOW_STATE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(value);
  return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : null;
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ format: WINDOW_STATE_FORMAT, version: 1, bounds: { x, y, width, height }, maximized: state.maximized }, null, 2)}\n`;
}

/** A display's usable area (without taskbar and menu bar) and whether it is the primary one. */
export interface WorkArea {
  workArea: Rect;
  primary: boolean;
}

export interface MainWindowPlacement {
  bounds: Rect;
  maximized: boolean;
  /** The remembered place, or the default centred on the primary display. */
  source: 'saved' | 'centred';
}

/**
 * Where the facilitator's window opens: the saved bounds if at least half of
 * them lie on a display present now; otherwise centred on the primary
 * display at the saved size (or the default size), shrunk to fit its work
 * area and never below the minimum. Maximised stays maximised either way.
 */
export function placeMainWindow(
  saved: WindowState | null,
  displays: readonly WorkArea[],
  size: { width: number; height: number; minWidth: number; minHeight: number },
): MainWindowPlacement {
  const maximized = saved?.maximized ?? false;
  if (saved && displays.some((d) => isOnDisplay(saved.bounds, d.workArea))) {
    const { x, y } = saved.bounds;
    return { bounds: { x, y, width: Math.max(size.minWidth, saved.bounds.width), height: Math.max(size.minHeight, saved.bounds.height) }, maximized, source: 'saved' };
  }
  const primary = (displays.find((d) => d.primary) ?? displays[0])?.workArea ?? { x: 0, y: 0, width: size.width, height: size.height };
  const width = Math.max(size.minWidth, Math.min(saved?.bounds.width ?? size.width, primary.width));
  const height = Math.max(size.minHeight, Math.min(saved?.bounds.height ?? size.height, primary.height));
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized,
    source: 'centred',
  };
}

/** The window as the keeper needs it (Electron's BrowserWindow has all of it). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

/** Reads and writes the window state file; one write at a time, the latest wins. */
export class WindowStateStore {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Sync: a tiny file, read once before the window is made. */
  load(): WindowState | null {
    return parseWindowState(readTextOrEmpty(this.file, MAX_WINDOW_STATE_BYTES));
  }

  save(state: WindowState): Promise<void> {
    const text = serializeWindowState(state);
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, text, { backup: false });
      })
      .catch((error: unknown) => console.warn('Could not keep the window’s place.', error));
    return this.idle();
  }

  idle(): Promise<void> {
    return this.writing.then(() => undefined);
  }
}

/**
 * Keep `win`'s place in `store`: shortly after it moved or changed size, and
 * as it closes. A minimised or full-screen window keeps the place it had
 * (full screen is the present mode's, not the user's window size).
 */
export function keepWindowState(win: TrackedWindow, store: WindowStateStore, delayMs = SAVE_DELAY_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const current = (): WindowState | null =>
    win.isMinimized() || win.isFullScreen() ? null : { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  const saveNow = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const state = current();
    if (state) void store.save(state);
  };
  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later);
  win.on('close', saveNow);
}
