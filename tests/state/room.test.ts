// The facilitator's side of the local room, on the real store: what the room
// is handed, who is where, one click per person, and a device's curve entering
// the session like a laptop drawing.
import { describe, expect, it } from 'vitest';
import { createSession, addParticipant } from '../../renderer/domain';
import { createAppStore, nextUndrawn, personRoomState, receiveRoomEvent, roomRoundOf, type AppStore } from '../../renderer/state';
import type { DeviceSummary, RoomStatus } from '../../shared/room-protocol';

function storeWithThree(): AppStore {
  let session = createSession('en', '2026-11-27');
  const sales = session.teams.find((t) => t.role === 'sales')!.id;
  for (const name of ['Anna', 'Ben', 'Cleo']) session = addParticipant(session, name, sales);
  return createAppStore('en', session);
}

const CURVE: [number, number][] = [
  [0.1, 0.4],
  [0.9, 0.7],
];

const device = (patch: Partial<DeviceSummary>): DeviceSummary => ({
  deviceId: 'dv1',
  participantId: null,
  proposedName: null,
  online: true,
  drawing: false,
  submitted: false,
  lastSeenAt: 0,
  ...patch,
});
const open = (devices: DeviceSummary[]): RoomStatus => ({
  open: true,
  openedAt: 0,
  join: { address: '127.0.0.1', port: 8321, joinUrl: 'http://127.0.0.1:8321/#k=x', typedUrl: 'http://127.0.0.1:8321', code: 'ABCDEF', qr: { size: 21, modules: '0'.repeat(441) } },
  addresses: [],
  devices,
  requests: [],
  reachedAt: null,
});

describe('the room, from the facilitator’s side', () => {
  it('hands the room names and teams, no curves, and opens drawing only on the Draw step', () => {
    const store = storeWithThree();
    const state = store.getState();
    const anna = state.session.participants[0]!;
    receiveRoomEvent(store, { type: 'curve', participantId: anna.id, roundId: state.roundId, points: CURVE });
    let round = roomRoundOf(store.getState())!;
    expect(round.people.map((p) => `${p.name}/${p.team}`)).toEqual(['Anna/Sales', 'Ben/Sales', 'Cleo/Sales']);
    expect(round.drawnIds).toEqual([anna.id]);
    expect(JSON.stringify(round)).not.toContain('0.7');
    expect(round.drawingOpen).toBe(false);
    store.getState().setView('draw');
    round = roomRoundOf(store.getState())!;
    expect(round.drawingOpen).toBe(true);
    expect(round.namesOnRoomScreen).toBe(true);
    store.getState().setRoomAnonymous(true);
    expect(roomRoundOf(store.getState())!.namesOnRoomScreen).toBe(false);
  });

  it('a submitted curve enters the session as an undoable edit; one for an unknown person is dropped', () => {
    const store = storeWithThree();
    const { roundId, session } = store.getState();
    const ben = session.participants[1]!;
    receiveRoomEvent(store, { type: 'curve', participantId: 'pt_gone', roundId, points: CURVE });
    expect(store.getState().session).toBe(session);
    receiveRoomEvent(store, { type: 'curve', participantId: ben.id, roundId, points: CURVE });
    expect(store.getState().session.curves).toEqual([{ participantId: ben.id, roundId, points: CURVE }]);
    store.temporal.getState().undo();
    expect(store.getState().session.curves).toEqual([]);
  });

  it('says who is where: joined, drawing, submitted, dropped, drawn on the laptop, absent', () => {
    const store = storeWithThree();
    const { roundId, session } = store.getState();
    const [anna, ben, cleo] = session.participants as unknown as [{ id: string }, { id: string }, { id: string }];
    receiveRoomEvent(store, { type: 'curve', participantId: anna.id, roundId, points: CURVE });
    const s = store.getState().session;
    const status = open([
      device({ deviceId: 'a', participantId: anna.id, submitted: true }),
      device({ deviceId: 'b', participantId: ben.id, drawing: true }),
      device({ deviceId: 'c', participantId: cleo.id, online: false }),
    ]);
    expect(personRoomState(s, roundId, status, anna.id)).toBe('submitted');
    expect(personRoomState(s, roundId, status, ben.id)).toBe('drawing');
    expect(personRoomState(s, roundId, status, cleo.id)).toBe('dropped');
    expect(personRoomState(s, roundId, open([device({ participantId: ben.id })]), ben.id)).toBe('joined');
    expect(personRoomState(s, roundId, open([]), anna.id)).toBe('laptop');
    expect(personRoomState(s, roundId, open([]), ben.id)).toBe('absent');
  });

  it('"Done — next person" goes to the next one without a curve, wrapping, and to nobody when all have drawn', () => {
    const store = storeWithThree();
    const { roundId, session } = store.getState();
    const [anna, ben, cleo] = session.participants;
    receiveRoomEvent(store, { type: 'curve', participantId: ben!.id, roundId, points: CURVE });
    const s = store.getState().session;
    expect(nextUndrawn(s, roundId, anna!.id)?.name).toBe('Cleo');
    expect(nextUndrawn(s, roundId, cleo!.id)?.name).toBe('Anna');
    for (const p of [anna!, cleo!]) receiveRoomEvent(store, { type: 'curve', participantId: p.id, roundId, points: CURVE });
    expect(nextUndrawn(store.getState().session, roundId, cleo!.id)).toBeNull();
  });
});
