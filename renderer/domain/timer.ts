/**
 * The timebox of a workshop step: a countdown the facilitator starts,
 * pauses, extends by a minute and resets. It never ends a step by itself;
 * past zero it counts the time over.
 *
 * Times are milliseconds of whatever clock the caller reads (the laptop's,
 * or a phone's): the state stores how much was left at an anchor moment, so
 * a receiver can rebase it on its own clock (timerFromWire).
 */

export interface Timer {
  readonly durationMs: number;
  /** Time left at `anchorAt` (negative: over time). */
  readonly remainingMs: number;
  /** When remainingMs was read; counting goes on from there while running. */
  readonly anchorAt: number;
  readonly running: boolean;
  /** A gentle sound at the end, besides the colour. */
  readonly sound: boolean;
}

/** Lengths offered as one click, in minutes. */
export const TIMER_PRESETS_MINUTES = [2, 3, 5, 10, 15] as const;
export const MINUTE_MS = 60_000;
/** The longest own length the facilitator can set. */
export const MAX_TIMER_MINUTES = 180;

export type TimerTone = 'calm' | 'ending' | 'over';

export function createTimer(durationMs: number, now: number, sound = false): Timer {
  const duration = Math.min(Math.max(0, Math.round(durationMs)), MAX_TIMER_MINUTES * MINUTE_MS);
  return { durationMs: duration, remainingMs: duration, anchorAt: now, running: false, sound };
}

export function remainingMs(timer: Timer, now: number): number {
  return timer.running ? timer.remainingMs - (now - timer.anchorAt) : timer.remainingMs;
}

export function startTimer(timer: Timer, now: number): Timer {
  return timer.running ? timer : { ...timer, anchorAt: now, running: true };
}

export function pauseTimer(timer: Timer, now: number): Timer {
  return timer.running ? { ...timer, remainingMs: remainingMs(timer, now), anchorAt: now, running: false } : timer;
}

/** One more minute, to what is left and to the length (so "nearly over" is measured against the new length). */
export function addMinute(timer: Timer, now: number): Timer {
  return { ...timer, durationMs: timer.durationMs + MINUTE_MS, remainingMs: remainingMs(timer, now) + MINUTE_MS, anchorAt: now };
}

export function resetTimer(timer: Timer, now: number): Timer {
  return { ...timer, remainingMs: timer.durationMs, anchorAt: now, running: false };
}

export function setTimerSound(timer: Timer, sound: boolean): Timer {
  return { ...timer, sound };
}

/**
 * "Nearly over" starts at the last minute, or the last fifth of a short
 * timebox (a 2-minute box turns at 0:24, not at half time).
 */
export function endingThresholdMs(durationMs: number): number {
  return Math.min(MINUTE_MS, durationMs / 5);
}

export function timerTone(timer: Timer, now: number): TimerTone {
  const left = remainingMs(timer, now);
  if (left <= 0) return 'over';
  return left <= endingThresholdMs(timer.durationMs) ? 'ending' : 'calm';
}

/** "4:05", "0:00", and "+1:12" for time over; whole seconds, rounded up while counting down. */
export function formatTimer(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over && seconds > 0 ? `+${text}` : text;
}

/** What travels to the room screen and the devices (shared/room-protocol.ts timerWireSchema). */
export interface TimerSnapshot {
  readonly durationMs: number;
  readonly remainingMs: number;
  readonly running: boolean;
  readonly sound: boolean;
}

export function timerToWire(timer: Timer, now: number): TimerSnapshot {
  return { durationMs: timer.durationMs, remainingMs: Math.round(remainingMs(timer, now)), running: timer.running, sound: timer.sound };
}

/** A snapshot received at `receivedAt` on this clock. */
export function timerFromWire(snapshot: TimerSnapshot, receivedAt: number): Timer {
  return { ...snapshot, anchorAt: receivedAt };
}
