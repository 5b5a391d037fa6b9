import type { RoomState } from '../../shared/contract';
import { ROOM_STATE_VERSION } from '../../shared/contract';

/**
 * Wraps a room-state listener so it sees each state once and never an older
 * one after a newer (the latest state fetched at start-up can cross a pushed
 * one), and ignores states of another layout version.
 */
export function newerRoomStates(listener: (state: RoomState) => void): (state: RoomState) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (state) => {
    if (state?.version !== ROOM_STATE_VERSION || !(state.rev > last)) return;
    last = state.rev;
    listener(state);
  };
}

/** Revision numbers that keep growing across reloads of the facilitator's window (time-based, never repeating). */
export function nextRoomRev(previous: number, now: number = Date.now()): number {
  return Math.max(previous + 1, now);
}
