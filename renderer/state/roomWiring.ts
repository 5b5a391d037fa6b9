import * as edit from '../domain/edits';
import { isValidCurve, timePos, enthusiasm, type CurvePoint } from '../domain';
import { timerToWire } from '../domain/timer';
import type { RoomPort } from '../platform/room';
import type { RoomEvent } from '../../shared/room-protocol';
import { roomRoundOf } from './roomPeople';
import type { AppStore } from './store';

/**
 * Keeps the room and the facilitator's window in step: the room's status
 * into the store; the round and the timer out to the room whenever they
 * change; and a submitted curve into the session through the same edit a
 * laptop drawing uses, so it is undoable, autosaved and saved with the file.
 * Returns a function that stops it.
 */
export function startRoomWiring(store: AppStore, room: RoomPort): () => void {
  if (!room.available) return () => undefined;
  const off = room.onEvent((event) => receiveRoomEvent(store, event));

  let lastRound = '';
  let lastTimer: unknown = undefined;
  const publish = () => {
    const state = store.getState();
    const round = roomRoundOf(state);
    const text = JSON.stringify(round);
    if (text !== lastRound) {
      lastRound = text;
      room.send({ type: 'round', round });
    }
    if (state.timer !== lastTimer) {
      lastTimer = state.timer;
      room.send({ type: 'timer', timer: state.timer ? timerToWire(state.timer, Date.now()) : null });
    }
  };
  publish();
  const unsubscribe = store.subscribe(publish);
  return () => {
    off();
    unsubscribe();
  };
}

export function receiveRoomEvent(store: AppStore, event: RoomEvent): void {
  if (event.type === 'status') {
    store.getState().setRoomStatus(event.status);
    return;
  }
  // A curve from a device: taken only for a person and round the session still has, and only when valid.
  const { session } = store.getState();
  if (!session.participants.some((p) => p.id === event.participantId) || !session.rounds.some((r) => r.id === event.roundId)) return;
  const points: CurvePoint[] = event.points.map(([x, y]) => [timePos(x), enthusiasm(y)] as const);
  if (!isValidCurve(points)) return;
  store.setState((state) => ({ session: edit.setCurve(state.session, event.participantId, event.roundId, points) }));
}
