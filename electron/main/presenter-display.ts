/**
 * Which display the presenter window goes on, and what is remembered about
 * it between runs. Pure functions, no 'electron' import, so every rule is
 * unit-tested without a screen.
 *
 * Like VS Code's restored window state, a remembered placement is only
 * reused after checking it against the displays that exist now: a projector
 * that is gone, or one that came back with another resolution or position,
 * must not leave the room view on a screen nobody sees.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The facts about a display the choice needs (Electron's Display plus whether it is the primary one). */
export interface DisplayFacts {
  id: number;
  bounds: Rect;
  primary: boolean;
  /** Built into the laptop (Electron's Display.internal). */
  internal: boolean;
}

/** What is remembered: the display the room view was last shown on and the window's bounds there. */
export interface SavedPlacement {
  displayId: number;
  bounds: Rect;
}

export interface PresenterPlacement {
  displayId: number;
  /** Where to put the window before it goes full screen. */
  bounds: Rect;
  /** Why this display: the remembered one, another display than the facilitator's, or the only/primary one. */
  source: 'saved' | 'external' | 'fallback';
}

/** A saved placement counts only if at least this share of it lies on its display as the display is now. */
const MIN_VISIBLE_SHARE = 0.5;
/** Smaller saved bounds are treated as broken. */
const MIN_SIDE = 200;

/**
 * The display for the presenter window:
 *
 * 1. the saved display, if it still exists and the saved bounds still lie on it;
 * 2. else a display the facilitator's window is not on, preferring one that is
 *    neither built in nor the primary (the projector or the room's TV);
 * 3. else the primary display (one screen: the caller may prefer the
 *    single-screen present mode), else the first one.
 *
 * Returns null only when there is no display at all.
 */
export function choosePresenterDisplay(
  displays: readonly DisplayFacts[],
  saved: SavedPlacement | null,
  mainWindowDisplayId: number | null,
): PresenterPlacement | null {
  if (displays.length === 0) return null;

  if (saved) {
    const display = displays.find((d) => d.id === saved.displayId);
    if (display && isOnDisplay(saved.bounds, display.bounds)) {
      return { displayId: display.id, bounds: { ...saved.bounds }, source: 'saved' };
    }
  }

  const others = displays.filter((d) => d.id !== mainWindowDisplayId);
  // Stable sort: external before built-in, then secondary before primary, then the OS's order.
  const rank = (d: DisplayFacts) => (d.internal ? 2 : 0) + (d.primary ? 1 : 0);
  const external = [...others].sort((a, b) => rank(a) - rank(b))[0];
  if (external) return { displayId: external.id, bounds: { ...external.bounds }, source: 'external' };

  const fallback = displays.find((d) => d.primary) ?? displays[0]!;
  return { displayId: fallback.id, bounds: { ...fallback.bounds }, source: 'fallback' };
}

/** True when `bounds` is a sane rectangle and at least half of it lies on `display`. */
export function isOnDisplay(bounds: Rect, display: Rect): boolean {
  if (![bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite)) return false;
  if (bounds.width < MIN_SIDE || bounds.height < MIN_SIDE) return false;
  const overlapWidth = Math.min(bounds.x + bounds.width, display.x + display.width) - Math.max(bounds.x, display.x);
  const overlapHeight = Math.min(bounds.y + bounds.height, display.y + display.height) - Math.max(bounds.y, display.y);
  if (overlapWidth <= 0 || overlapHeight <= 0) return false;
  return (overlapWidth * overlapHeight) / (bounds.width * bounds.height) >= MIN_VISIBLE_SHARE;
}

/** Upper bound for the placement file; anything larger is not ours. */
export const MAX_PLACEMENT_BYTES = 4096;
export const PLACEMENT_FILE_NAME = 'presenter-display.json';
const PLACEMENT_FORMAT = 'wavelength-presenter-display';

/** The placement file's text. */
export function serializePlacement(placement: SavedPlacement): string {
  const { displayId, bounds } = placement;
  return `${JSON.stringify({ format: PLACEMENT_FORMAT, version: 1, displayId, bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } }, null, 2)}\n`;
}

/** The placement in a file's text, or null when the text is not a valid placement (then nothing is remembered). */
export function parsePlacement(text: string): SavedPlacement | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || value.format !== PLACEMENT_FORMAT || value.version !== 1) return null;
  const { displayId, bounds } = value;
  if (!Number.isSafeInteger(displayId) || !isObject(bounds)) return null;
  const rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 1e6;
  if (!finite(rect.x) || !finite(rect.y) || !finite(rect.width) || !finite(rect.height)) return null;
  return { displayId: displayId as number, bounds: rect as Rect };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
