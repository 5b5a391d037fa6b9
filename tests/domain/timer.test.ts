import { describe, expect, it } from 'vitest';
import {
  addMinute,
  createTimer,
  endingThresholdMs,
  formatTimer,
  pauseTimer,
  remainingMs,
  resetTimer,
  startTimer,
  timerFromWire,
  timerToWire,
  timerTone,
} from '../../renderer/domain/timer';

describe('timer', () => {
  it('counts down while running and holds while paused', () => {
    let t = startTimer(createTimer(300_000, 1000), 1000);
    expect(remainingMs(t, 61_000)).toBe(240_000);
    t = pauseTimer(t, 61_000);
    expect(remainingMs(t, 500_000)).toBe(240_000);
    t = startTimer(t, 500_000);
    expect(remainingMs(t, 510_000)).toBe(230_000);
  });

  it('+1 min adds to what is left and to the length; reset goes back to the length, paused', () => {
    let t = startTimer(createTimer(120_000, 0), 0);
    t = addMinute(t, 100_000);
    expect(remainingMs(t, 100_000)).toBe(80_000);
    expect(t.durationMs).toBe(180_000);
    t = resetTimer(t, 150_000);
    expect(t).toMatchObject({ running: false, remainingMs: 180_000 });
  });

  it('never stops by itself: past zero it counts the time over', () => {
    const t = startTimer(createTimer(60_000, 0), 0);
    expect(remainingMs(t, 75_000)).toBe(-15_000);
    expect(t.running).toBe(true);
    expect(formatTimer(remainingMs(t, 75_000))).toBe('+0:15');
  });

  it('turns "ending" in the last minute, or the last fifth of a short box, and "over" at zero', () => {
    expect(endingThresholdMs(600_000)).toBe(60_000);
    expect(endingThresholdMs(120_000)).toBe(24_000);
    const t = startTimer(createTimer(600_000, 0), 0);
    expect(timerTone(t, 539_000)).toBe('calm');
    expect(timerTone(t, 540_000)).toBe('ending');
    expect(timerTone(t, 600_000)).toBe('over');
  });

  it('formats whole seconds, rounding up while counting down', () => {
    expect(formatTimer(245_000)).toBe('4:05');
    expect(formatTimer(244_001)).toBe('4:05');
    expect(formatTimer(0)).toBe('0:00');
    expect(formatTimer(-400)).toBe('0:00');
    expect(formatTimer(-61_000)).toBe('+1:01');
  });

  it('travels as what is left, and the receiver counts on with its own clock', () => {
    const laptop = startTimer(createTimer(300_000, 5_000_000), 5_000_000);
    const wire = timerToWire(laptop, 5_010_000);
    expect(wire).toEqual({ durationMs: 300_000, remainingMs: 290_000, running: true, sound: false });
    // The phone's clock is hours off; only the time since arrival counts.
    const phone = timerFromWire(wire, 42);
    expect(remainingMs(phone, 1042)).toBe(289_000);
  });
});
