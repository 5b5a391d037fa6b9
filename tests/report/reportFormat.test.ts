import { describe, expect, it } from 'vitest';
import { addParticipant, createSession, setCurve, timePos, enthusiasm, updateProject, addRound } from '../../renderer/domain';
import {
  chartRound,
  formatCorrelation,
  formatDate,
  formatLevel,
  formatShare,
  formatSignedLevel,
  participantsByTeam,
  reportLocale,
  reportRounds,
  spanPhases,
} from '../../renderer/report/reportFormat';

const pt = (x: number, y: number) => [timePos(x), enthusiasm(y)] as const;

describe('numbers and dates in the report language', () => {
  it('writes levels on the 0–10 scale with one decimal, comma in German', () => {
    expect(formatLevel(0.64, 'de')).toBe('6,4');
    expect(formatLevel(0.64, 'en')).toBe('6.4');
    expect(formatLevel(1, 'en')).toBe('10.0');
  });

  it('signs differences with a real minus sign and no sign for zero', () => {
    expect(formatSignedLevel(0.25, 'de')).toBe('+2,5');
    expect(formatSignedLevel(-0.1, 'en')).toBe('−1.0');
    expect(formatSignedLevel(0.004, 'en')).toBe('0.0');
  });

  it('writes shares and correlations per locale', () => {
    expect(formatShare(0.834, 'en')).toBe('83%');
    expect(formatShare(0.834, 'de')).toBe('83\u00a0%'); // a no-break space, as German writes it
    expect(formatCorrelation(-0.482, 'de')).toBe('−0,48');
  });

  it('writes a calendar date out, never shifted by the time zone', () => {
    expect(formatDate('2025-03-12', 'de')).toBe('12. März 2025');
    expect(formatDate('2025-03-12', 'en')).toBe('March 12, 2025');
    expect(formatDate('', 'en')).toBeNull();
    expect(formatDate('12.03.2025', 'de')).toBeNull();
    expect(reportLocale('de')).toBe('de-DE');
  });
});

describe('what the report covers', () => {
  function session() {
    let s = createSession('de', '2025-03-12');
    s = updateProject(s, { name: 'Atlas' });
    s = addParticipant(s, 'Anna', s.teams[0]!.id);
    s = addParticipant(s, 'Pia', s.teams[1]!.id);
    s = addRound(s, 'otherTeam', 'Wie hat das andere Team es erlebt?');
    return s;
  }

  it('takes every round with curves, in order, or the first round when none has one', () => {
    let s = session();
    const [first, second] = s.rounds;
    expect(reportRounds(s).map((r) => r.id)).toEqual([first!.id]);
    s = setCurve(s, s.participants[0]!.id, second!.id, [pt(0, 0.2), pt(1, 0.8)]);
    expect(reportRounds(s).map((r) => r.id)).toEqual([second!.id]);
    expect(chartRound(s, null).id).toBe(second!.id);
    expect(chartRound(s, first!.id).id).toBe(first!.id);
    expect(chartRound(s, 'no-such-round').id).toBe(second!.id);
  });

  it('groups participants by team in team order and leaves empty teams out', () => {
    const s = session();
    expect(participantsByTeam(s).map((g) => [g.team.name, g.participants.map((p) => p.name)])).toEqual([
      ['Sales', ['Anna']],
      ['PS', ['Pia']],
    ]);
  });

  it('names the phases a partial curve starts and ends in', () => {
    let s = session();
    const round = s.rounds[0]!.id;
    s = setCurve(s, s.participants[1]!.id, round, [pt(0.45, 0.5), pt(0.99, 0.7)]);
    expect(spanPhases(s, s.participants[1]!.id, round)).toEqual({ from: 'Kickoff', to: 'Abschluss' });
    expect(spanPhases(s, s.participants[0]!.id, round)).toBeNull();
  });
});
