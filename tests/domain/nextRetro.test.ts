import { describe, expect, it } from 'vitest';
import { addNote, createSession, parseSessionFile, serializeSession, startNextRetro, type Session } from '../../renderer/domain';
import { buildSession, flat, line } from './sessionBuilder';

/** A finished retro: two curves, a note, three action items (one done, one carried over once already). */
function finishedRetro(): Session {
  const base = buildSession({
    people: [
      { id: 'anna', name: 'Anna', team: 'sales', curve: flat(0.8) },
      { id: 'david', name: 'David', team: 'ps', curve: line(0, 0.2, 1, 0.6) },
    ],
  });
  const withNote = addNote(base, { roundId: base.rounds[0]!.id, at: 0.4 as never, participantId: null, kind: 'event', text: 'Kickoff', author: 'David' });
  return {
    ...withNote,
    id: 'ss_previous',
    project: { name: 'Projekt Atlas', customer: 'Muster GmbH', hideCustomer: true, date: '2026-11-27' },
    actions: [
      { id: 'ac_1', what: 'Joint customer meeting before signing', who: 'Anna + David', due: '2027-01-15', done: false },
      { id: 'ac_2', what: 'Handover checklist', who: 'David', due: '', done: true },
      { id: 'ac_3', what: 'Scope review', who: 'Kim', due: '2026-12-01', done: false, carriedOver: { from: 'Projekt Zeus', date: '2026-06-02' } },
    ],
  };
}

describe('startNextRetro', () => {
  const previous = finishedRetro();
  const next = startNextRetro(previous, '2027-02-03');

  it('is a new, untitled session of today with no curves and no notes', () => {
    expect(next.id).not.toBe(previous.id);
    expect(next.id).toMatch(/^ss_[0-9a-f]{16}$/);
    expect(next.project).toEqual({ name: '', customer: 'Muster GmbH', hideCustomer: true, date: '2027-02-03' });
    expect(next.curves).toEqual([]);
    expect(next.notes).toEqual([]);
  });

  it('keeps the timeline, scale, teams, participants, target and analysis settings as they were', () => {
    expect(next.timeline).toBe(previous.timeline);
    expect(next.scale).toBe(previous.scale);
    expect(next.teams).toBe(previous.teams);
    expect(next.participants).toBe(previous.participants);
    expect(next.participants.map((p) => p.name)).toEqual(['Anna', 'David']);
    expect(next.target).toBe(previous.target);
    expect(next.analysis).toBe(previous.analysis);
    expect(next.language).toBe(previous.language);
  });

  it('asks the same questions in new rounds', () => {
    expect(next.rounds.map((r) => [r.kind, r.question])).toEqual(previous.rounds.map((r) => [r.kind, r.question]));
    for (const [i, round] of next.rounds.entries()) expect(round.id).not.toBe(previous.rounds[i]!.id);
  });

  it('brings the two open action items, marked with the retro they come from, and leaves the done one behind', () => {
    expect(next.actions).toEqual([
      { id: 'ac_1', what: 'Joint customer meeting before signing', who: 'Anna + David', due: '2027-01-15', done: false, carriedOver: { from: 'Projekt Atlas', date: '2026-11-27' } },
      // Carried over a second time: marked with the retro where it was last reviewed, still open.
      { id: 'ac_3', what: 'Scope review', who: 'Kim', due: '2026-12-01', done: false, carriedOver: { from: 'Projekt Atlas', date: '2026-11-27' } },
    ]);
  });

  it('leaves the previous session as it was', () => {
    expect(previous.actions).toHaveLength(3);
    expect(previous.curves).toHaveLength(2);
    expect(previous.project.name).toBe('Projekt Atlas');
  });

  it('makes a session the file format takes back with its marks', () => {
    const parsed = parseSessionFile(serializeSession(next));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(parsed.session.actions.map((a) => a.carriedOver)).toEqual([
      { from: 'Projekt Atlas', date: '2026-11-27' },
      { from: 'Projekt Atlas', date: '2026-11-27' },
    ]);
    expect(parsed.repairs).toEqual([]);
  });

  it('from a retro without open action items brings none', () => {
    const fresh = createSession('de', '2026-11-30');
    expect(startNextRetro(fresh, '2026-12-01').actions).toEqual([]);
  });
});
