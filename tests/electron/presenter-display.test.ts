import { describe, expect, it } from 'vitest';
import {
  choosePresenterDisplay,
  isOnDisplay,
  parsePlacement,
  serializePlacement,
  type DisplayFacts,
} from '../../electron/main/presenter-display';

const laptop: DisplayFacts = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true, internal: true };
const projector: DisplayFacts = { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, primary: false, internal: false };
const tv: DisplayFacts = { id: 3, bounds: { x: -3840, y: 0, width: 3840, height: 2160 }, primary: false, internal: false };

describe('choosePresenterDisplay', () => {
  it('with two displays, picks the external one, not the one the facilitator is on', () => {
    expect(choosePresenterDisplay([laptop, projector], null, laptop.id)).toEqual({
      displayId: projector.id,
      bounds: projector.bounds,
      source: 'external',
    });
  });

  it('when the facilitator moved the window to the external display, picks the other one', () => {
    expect(choosePresenterDisplay([laptop, projector], null, projector.id)?.displayId).toBe(laptop.id);
  });

  it('prefers a display that is neither built in nor primary when there are several', () => {
    const externalPrimary = { ...projector, id: 4, primary: true, internal: false };
    const laptopSecondary = { ...laptop, primary: false };
    expect(choosePresenterDisplay([laptopSecondary, externalPrimary, tv], null, null)?.displayId).toBe(tv.id);
    expect(choosePresenterDisplay([laptopSecondary, externalPrimary], null, null)?.displayId).toBe(externalPrimary.id);
  });

  it('reuses the remembered display when it still exists and the bounds still lie on it', () => {
    const saved = { displayId: tv.id, bounds: { ...tv.bounds } };
    expect(choosePresenterDisplay([laptop, projector, tv], saved, laptop.id)).toEqual({ displayId: tv.id, bounds: tv.bounds, source: 'saved' });
  });

  it('falls back to the external display when the remembered one is gone', () => {
    const saved = { displayId: 99, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
    expect(choosePresenterDisplay([laptop, projector], saved, laptop.id)).toMatchObject({ displayId: projector.id, source: 'external' });
  });

  it('falls back when the remembered bounds are off the display as it is now (moved or smaller)', () => {
    // The projector used to sit right of the laptop; now it is left of it, with the same id.
    const movedProjector = { ...projector, bounds: { x: -1280, y: 0, width: 1280, height: 720 } };
    const saved = { displayId: projector.id, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
    expect(choosePresenterDisplay([laptop, movedProjector], saved, laptop.id)).toEqual({
      displayId: movedProjector.id,
      bounds: movedProjector.bounds,
      source: 'external',
    });
    // Saved bounds that hang mostly off their display count as off-screen too.
    const halfOff = { displayId: projector.id, bounds: { x: 3000, y: 0, width: 1920, height: 1080 } };
    expect(choosePresenterDisplay([laptop, projector], halfOff, laptop.id)?.source).toBe('external');
  });

  it('with one display, falls back to it; with none, there is nothing to choose', () => {
    expect(choosePresenterDisplay([laptop], null, laptop.id)).toEqual({ displayId: laptop.id, bounds: laptop.bounds, source: 'fallback' });
    const gone = { displayId: projector.id, bounds: projector.bounds };
    expect(choosePresenterDisplay([laptop], gone, laptop.id)?.source).toBe('fallback');
    expect(choosePresenterDisplay([], gone, null)).toBeNull();
  });

  it('returns copies, never the display objects themselves', () => {
    const choice = choosePresenterDisplay([laptop, projector], null, laptop.id)!;
    choice.bounds.x = 5;
    expect(projector.bounds.x).toBe(1920);
  });
});

describe('isOnDisplay', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('needs at least half of the bounds on the display and a sane size', () => {
    expect(isOnDisplay({ x: 100, y: 100, width: 800, height: 600 }, display)).toBe(true);
    expect(isOnDisplay({ x: 1500, y: 0, width: 800, height: 600 }, display)).toBe(true); // 420 of 800 px wide on it
    expect(isOnDisplay({ x: 1600, y: 0, width: 800, height: 600 }, display)).toBe(false);
    expect(isOnDisplay({ x: 5000, y: 5000, width: 800, height: 600 }, display)).toBe(false);
    expect(isOnDisplay({ x: 0, y: 0, width: 50, height: 50 }, display)).toBe(false);
    expect(isOnDisplay({ x: Number.NaN, y: 0, width: 800, height: 600 }, display)).toBe(false);
  });
});

describe('the placement file', () => {
  it('round-trips', () => {
    const placement = { displayId: 2779098405, bounds: { x: -1920, y: 0, width: 1920, height: 1080 } };
    expect(parsePlacement(serializePlacement(placement))).toEqual(placement);
  });

  it.each([
    ['not JSON', '{"displayId":'],
    ['another format', JSON.stringify({ format: 'something-else', version: 1, displayId: 1, bounds: { x: 0, y: 0, width: 1, height: 1 } })],
    ['a newer version', JSON.stringify({ format: 'wavelength-presenter-display', version: 2, displayId: 1, bounds: { x: 0, y: 0, width: 1, height: 1 } })],
    ['a string id', JSON.stringify({ format: 'wavelength-presenter-display', version: 1, displayId: '1', bounds: { x: 0, y: 0, width: 1, height: 1 } })],
    ['missing bounds', JSON.stringify({ format: 'wavelength-presenter-display', version: 1, displayId: 1 })],
    ['absurd numbers', JSON.stringify({ format: 'wavelength-presenter-display', version: 1, displayId: 1, bounds: { x: 1e12, y: 0, width: 1, height: 1 } })],
    ['an array', '[]'],
  ])('forgets %s', (_what, text) => {
    expect(parsePlacement(text)).toBeNull();
  });
});
