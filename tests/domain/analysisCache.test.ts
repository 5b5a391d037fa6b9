import { describe, expect, it } from 'vitest';
import { createRoundAnalysisCache, type Session } from '../../renderer/domain';
import { EXPERIENCED, buildSession, flat } from './sessionBuilder';

const base = buildSession({
  rounds: [EXPERIENCED, { id: 'r2', kind: 'ownTeam', question: 'own team' }],
  people: [
    { id: 'a', team: 'sales', curve: { r1: flat(0.8), r2: flat(0.6) } },
    { id: 'b', team: 'ps', curve: { r1: flat(0.4) } },
  ],
});

/** Replace one curve the way the immutable store does: a new curve object and a new array. */
function redraw(session: Session, participantId: string, roundId: string, y: number): Session {
  return {
    ...session,
    curves: session.curves.map((c) => (c.participantId === participantId && c.roundId === roundId ? { ...c, points: flat(y) } : c)),
  };
}

describe('createRoundAnalysisCache', () => {
  it('returns the same analysis while nothing it reads has changed', () => {
    const analyse = createRoundAnalysisCache();
    const first = analyse(base, 'r1');
    expect(analyse(base, 'r1')).toBe(first);
    // A note, a project rename and a curve in another round leave round 1 alone.
    const edited: Session = {
      ...redraw(base, 'a', 'r2', 0.1),
      project: { ...base.project, name: 'Renamed' },
      notes: [{ id: 'n', roundId: 'r1', at: base.timeline.milestones[0]!.at, participantId: null, kind: 'event', text: 'x', author: '' }],
    };
    expect(analyse(edited, 'r1')).toBe(first);
  });

  it('recomputes after a curve of the round changes', () => {
    const analyse = createRoundAnalysisCache();
    const first = analyse(base, 'r1');
    const next = analyse(redraw(base, 'b', 'r1', 0.2), 'r1');
    expect(next).not.toBe(first);
    expect(next.curves.find((c) => c.participantId === 'b')!.values[0]).toBeCloseTo(0.2, 9);
  });

  it('recomputes after the settings, target, teams, participants or timeline change', () => {
    const analyse = createRoundAnalysisCache();
    let previous = analyse(base, 'r1');
    const changes: Session[] = [
      { ...base, analysis: { ...base.analysis, dropThreshold: 0.1 } },
      { ...base, target: { ...base.target, end: 0.8 } },
      { ...base, teams: [...base.teams] },
      { ...base, participants: [...base.participants] },
      { ...base, timeline: { ...base.timeline } },
    ];
    for (const changed of changes) {
      const next = analyse(changed, 'r1');
      expect(next).not.toBe(previous);
      previous = next;
    }
  });

  it('keeps each round apart', () => {
    const analyse = createRoundAnalysisCache();
    const one = analyse(base, 'r1');
    const two = analyse(base, 'r2');
    expect(two.roundId).toBe('r2');
    expect(analyse(base, 'r1')).toBe(one);
    expect(analyse(base, 'r2')).toBe(two);
  });
});
