import { describe, expect, it } from 'vitest';
import { enthusiasm, layoutPhases, timePos, type StrokeSample } from '../../renderer/domain';
import { createAppStore, drawnCount, isDirty, replaceSession, revealGroups, visibleCurves } from '../../renderer/state';

const line = (y0: number, y1: number): StrokeSample[] => [
  { x: timePos(0), y: enthusiasm(y0) },
  { x: timePos(1), y: enthusiasm(y1) },
];

function storeWithFour() {
  const store = createAppStore('en');
  const { teams } = store.getState().session;
  const [sales, ps] = [teams[0]!.id, teams[1]!.id];
  for (const [name, team] of [['Sam', sales], ['Sue', sales], ['Pat', ps], ['Pia', ps]] as const) {
    store.getState().addParticipant(name, team);
  }
  return store;
}

describe('undo history', () => {
  it('undoes and redoes edits to the session', () => {
    const store = createAppStore('de');
    store.getState().updateProject({ name: 'Atlas' });
    store.getState().updateProject({ name: 'Atlas 2' });
    store.temporal.getState().undo();
    expect(store.getState().session.project.name).toBe('Atlas');
    store.temporal.getState().redo();
    expect(store.getState().session.project.name).toBe('Atlas 2');
  });

  it('does not record screen changes or reveal steps', () => {
    const store = createAppStore('de');
    store.getState().setView('draw');
    store.getState().setRevealStep(2);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('undoes a stroke as one step', () => {
    const store = storeWithFour();
    const sam = store.getState().session.participants[0]!.id;
    const before = store.temporal.getState().pastStates.length;
    store.getState().drawStroke(sam, line(0.2, 0.8));
    expect(store.temporal.getState().pastStates.length).toBe(before + 1);
    store.temporal.getState().undo();
    expect(store.getState().session.curves).toHaveLength(0);
  });

  it('starts a fresh history when a session is replaced', () => {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Old' });
    replaceSession(store, store.getState().session, { fileId: 'f1', fileName: 'a.wavelength' });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(isDirty(store.getState())).toBe(false);
  });
});

describe('dirty tracking', () => {
  it('is dirty after an edit and clean again after undoing back to the saved state', () => {
    const store = createAppStore('en');
    expect(isDirty(store.getState())).toBe(false);
    store.getState().updateProject({ name: 'X' });
    expect(isDirty(store.getState())).toBe(true);
    store.temporal.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
  });
});

describe('drawing and revealing', () => {
  it('counts who has drawn in the round', () => {
    const store = storeWithFour();
    const [sam, sue] = store.getState().session.participants;
    store.getState().drawStroke(sam!.id, line(0.5, 0.5));
    store.getState().drawStroke(sue!.id, line(0.1, 0.9));
    expect(drawnCount(store.getState().session, store.getState().roundId)).toEqual({ drawn: 2, total: 4 });
  });

  it('shows the drawer only their own curve while blind, and nothing behind the curtain', () => {
    const store = storeWithFour();
    const [sam, sue] = store.getState().session.participants;
    store.getState().drawStroke(sam!.id, line(0.5, 0.5));
    store.getState().drawStroke(sue!.id, line(0.1, 0.9));
    store.getState().setView('draw');
    store.getState().startDrawing(sue!.id);
    expect(visibleCurves(store.getState())).toEqual([]);
    store.getState().dismissCurtain();
    expect(visibleCurves(store.getState()).map((v) => v.participant.name)).toEqual(['Sue']);
    store.getState().setBlind(false);
    const shown = visibleCurves(store.getState());
    expect(shown.map((v) => [v.participant.name, v.faded])).toEqual([
      ['Sam', true],
      ['Sue', false],
    ]);
  });

  it('reveals everyone at once, team by team, or one by one', () => {
    const store = storeWithFour();
    const ids = store.getState().session.participants.map((p) => p.id);
    for (const id of ids) store.getState().drawStroke(id, line(0.3, 0.6));
    const { session, roundId } = store.getState();
    expect(revealGroups(session, roundId, 'all')).toEqual([ids]);
    expect(revealGroups(session, roundId, 'team')).toEqual([ids.slice(0, 2), ids.slice(2)]);
    expect(revealGroups(session, roundId, 'oneByOne')).toEqual(ids.map((id) => [id]));

    store.getState().setView('reveal');
    store.getState().setRevealMode('team');
    expect(visibleCurves(store.getState())).toHaveLength(0);
    store.getState().setRevealStep(1);
    expect(visibleCurves(store.getState()).map((v) => v.participant.name)).toEqual(['Sam', 'Sue']);
    store.getState().setRevealStep(2);
    expect(visibleCurves(store.getState())).toHaveLength(4);
    // The legend hides a team, then a single person.
    store.getState().toggleTeamHidden(session.teams[0]!.id);
    expect(visibleCurves(store.getState()).map((v) => v.participant.name)).toEqual(['Pat', 'Pia']);
    store.getState().toggleParticipantHidden(ids[2]!);
    expect(visibleCurves(store.getState()).map((v) => v.participant.name)).toEqual(['Pia']);
  });

  it('removing a participant removes their curve', () => {
    const store = storeWithFour();
    const sam = store.getState().session.participants[0]!;
    store.getState().drawStroke(sam.id, line(0.5, 0.5));
    store.getState().removeParticipant(sam.id);
    expect(store.getState().session.curves).toHaveLength(0);
  });

  it('keeps a team that still has members', () => {
    const store = storeWithFour();
    const sales = store.getState().session.teams[0]!.id;
    store.getState().removeTeam(sales);
    expect(store.getState().session.teams.some((t) => t.id === sales)).toBe(true);
  });
});

describe('rounds, notes and action items', () => {
  it('adds a round, makes it current, and falls back to the first when it is removed', () => {
    const store = createAppStore('en');
    const first = store.getState().roundId;
    store.getState().addRound('otherTeam', 'How did the other team see it?');
    const second = store.getState().roundId;
    expect(second).not.toBe(first);
    expect(store.getState().session.rounds.map((r) => r.kind)).toEqual(['experienced', 'otherTeam']);
    store.getState().removeRound(second);
    expect(store.getState().roundId).toBe(first);
    // The last round stays.
    store.getState().removeRound(first);
    expect(store.getState().session.rounds).toHaveLength(1);
  });

  it('pins a note to the current round, and undo takes it away again', () => {
    const store = createAppStore('en');
    store.getState().addNote({ at: timePos(0.4), participantId: null, kind: 'event', text: 'Key user left', author: 'Anna' });
    const [note] = store.getState().session.notes;
    expect(note).toMatchObject({ roundId: store.getState().roundId, at: 0.4, text: 'Key user left' });
    store.getState().updateNote(note!.id, { at: timePos(0.6) });
    expect(store.getState().session.notes[0]!.at).toBe(0.6);
    store.temporal.getState().undo();
    expect(store.getState().session.notes[0]!.at).toBe(0.4);
    store.temporal.getState().undo();
    expect(store.getState().session.notes).toEqual([]);
  });

  it('ticks off an action item', () => {
    const store = createAppStore('en');
    store.getState().addAction({ what: 'Warm handover checklist', who: 'PS lead', due: '2026-12-15' });
    const id = store.getState().session.actions[0]!.id;
    expect(store.getState().session.actions[0]!.done).toBe(false);
    store.getState().updateAction(id, { done: true });
    expect(store.getState().session.actions[0]!.done).toBe(true);
  });

  it('keeps a note over its phase when an earlier phase grows', () => {
    const store = createAppStore('en');
    const phases = store.getState().session.timeline.phases;
    const last = phases[phases.length - 1]!;
    store.getState().addNote({ at: timePos(0.99), participantId: null, kind: 'insight', text: 'x', author: '' });
    store.getState().resizePhase(phases[0]!.id, 5);
    const note = store.getState().session.notes[0]!;
    const spans = layoutPhases(store.getState().session.timeline.phases);
    const closing = spans.find((s) => s.phase.id === last.id)!;
    expect(note.at).toBeGreaterThan(closing.start);
    expect(note.at).toBeLessThan(closing.end);
  });
});
