import type { Id, Participant, Session } from '../domain';
import { MAX_NAME_LENGTH, type RoomRound, type RoomStatus } from '../../shared/room-protocol';
import { hasDrawn } from './selectors';
import type { AppState } from './store';

/**
 * What the room hands devices for the current round: the timeline, the
 * scale, names and teams for the pick list, and the switches. No curves,
 * notes, customer or project name: a device needs none of them to draw.
 */
export function roomRoundOf(state: AppState): RoomRound | null {
  const { session } = state;
  const round = session.rounds.find((r) => r.id === state.roundId);
  if (!round || session.timeline.phases.length === 0) return null;
  const teams = new Map(session.teams.map((t) => [t.id, t] as const));
  const cut = (text: string, max: number) => text.slice(0, max);
  return {
    language: session.language,
    round: { id: round.id, question: cut(round.question, 500) },
    timeline: {
      phases: session.timeline.phases.map((p) => ({ id: p.id, name: cut(p.name, 120), width: p.width })),
      milestones: session.timeline.milestones.map((m) => ({ id: m.id, name: cut(m.name, 120), at: m.at })),
      handoverId: session.timeline.handoverId,
    },
    scale: { low: cut(session.scale.low, 60), mid: cut(session.scale.mid, 60), high: cut(session.scale.high, 60) },
    people: session.participants.map((p) => ({ id: p.id, name: cut(p.name, MAX_NAME_LENGTH), team: cut(teams.get(p.teamId)?.name ?? '', MAX_NAME_LENGTH) })),
    teams: session.teams.map((t) => ({ id: t.id, name: cut(t.name, MAX_NAME_LENGTH) })),
    allowNewNames: state.roomAllowNewNames,
    namesOnRoomScreen: !state.roomAnonymous,
    // Drawing is open while the facilitator is on the Draw step; going on to reveal closes it.
    drawingOpen: state.view === 'draw',
    drawnIds: session.curves.filter((c) => c.roundId === round.id).map((c) => c.participantId),
  };
}

export type PersonRoomState = 'absent' | 'joined' | 'drawing' | 'submitted' | 'dropped' | 'laptop';

/**
 * Where each participant is, for the facilitator: from the devices the room
 * reports and the curves the session holds. Never a curve itself. A person
 * whose devices are all gone is "dropped" (unless their curve is in).
 */
export function personRoomState(session: Session, roundId: Id, status: RoomStatus, participantId: Id): PersonRoomState {
  const drawn = hasDrawn(session, roundId, participantId);
  const devices = status.open ? status.devices.filter((d) => d.participantId === participantId) : [];
  if (devices.length === 0) return drawn ? 'laptop' : 'absent';
  if (drawn && devices.some((d) => d.submitted)) return 'submitted';
  const online = devices.filter((d) => d.online);
  if (online.length === 0) return drawn ? 'laptop' : 'dropped';
  if (online.some((d) => d.drawing)) return 'drawing';
  return drawn ? 'laptop' : 'joined';
}

/** The next person after `afterId` (in the list's order, wrapping) who has no curve in the round; null when all have one. */
export function nextUndrawn(session: Session, roundId: Id, afterId: Id | null): Participant | null {
  const people = session.participants;
  const start = afterId === null ? 0 : people.findIndex((p) => p.id === afterId) + 1;
  for (let i = 0; i < people.length; i++) {
    const person = people[(start + i) % people.length]!;
    if (person.id !== afterId && !hasDrawn(session, roundId, person.id)) return person;
  }
  return null;
}
