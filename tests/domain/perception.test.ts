import { describe, expect, it } from 'vitest';
import { measurePerceptionGaps, type Round } from '../../renderer/domain';
import { EXPERIENCED, TEAM_IDS, buildSession, flat, line } from './sessionBuilder';

const OTHER: Round = { id: 'r2', kind: 'otherTeam', question: 'other team' };
const S = TEAM_IDS.sales;
const P = TEAM_IDS.ps;

/**
 * Round r1 (experienced): Sales .8 flat; PS .3 and .5 flat (mean .4).
 * Round r2 (other team): Sales guesses PS at .2 flat; PS guesses Sales with
 * lines .4 → .8 and .6 → 1.0 (mean .5 + .4x).
 */
const session = buildSession({
  rounds: [EXPERIENCED, OTHER],
  people: [
    { id: 's', team: 'sales', curve: { r1: flat(0.8), r2: flat(0.2) } },
    { id: 'p1', team: 'ps', curve: { r1: flat(0.3), r2: line(0, 0.4, 1, 0.8) } },
    { id: 'p2', team: 'ps', curve: { r1: flat(0.5), r2: line(0, 0.6, 1, 1.0) } },
  ],
});

describe('measurePerceptionGaps', () => {
  it('gives Sales guessing PS, then PS guessing Sales', () => {
    const gaps = measurePerceptionGaps(session, 'r2');
    expect(gaps.map((g) => [g.guessingTeam, g.guessedTeam])).toEqual([
      [S, P],
      [P, S],
    ]);
  });

  it('puts Sales’ guess of PS .2 below what PS experienced', () => {
    // guess .2, real mean(.3, .5) = .4: gap −.2 everywhere; largest the first, at 0 in A; n = min(1 guess, 2 real) = 1.
    const [salesGuess] = measurePerceptionGaps(session, 'r2');
    expect(salesGuess!.guess[0]).toBeCloseTo(0.2, 9);
    expect(salesGuess!.real[100]).toBeCloseTo(0.4, 9);
    expect(salesGuess!.gap.every((v) => v !== null && Math.abs(v + 0.2) < 1e-9)).toBe(true);
    expect(salesGuess!.meanAbs).toMatchObject({ ok: true, n: 1 });
    expect(salesGuess!.meanAbs.ok && salesGuess!.meanAbs.value).toBeCloseTo(0.2, 9);
    expect(salesGuess!.largest).toMatchObject({ ok: true, n: 1, value: { at: 0, phaseName: 'A' } });
    expect(salesGuess!.largest.ok && salesGuess!.largest.value.value).toBeCloseTo(-0.2, 9);
  });

  it('measures PS’ guess of Sales by hand', () => {
    // guess .5 + .4x, real .8: gap .4x − .3 = .002·(i − 150) at grid point i.
    // Mean |gap| = .002 · Σ|i − 150| / 201 = .002 · (Σ_{k=0}^{150} k + Σ_{k=1}^{50} k) / 201 = .002 · (11325 + 1275) / 201 = 25.2 / 201.
    // Largest |gap|: .3 at x = 0 (vs .1 at x = 1), sign negative: PS thought Sales saw the customer lower than Sales did.
    const [, psGuess] = measurePerceptionGaps(session, 'r2');
    expect(psGuess!.gap[150]).toBeCloseTo(0, 9);
    expect(psGuess!.gap[200]).toBeCloseTo(0.1, 9);
    expect(psGuess!.meanAbs.ok && psGuess!.meanAbs.value).toBeCloseTo(25.2 / 201, 9);
    expect(psGuess!.largest).toMatchObject({ ok: true, n: 1, value: { at: 0, phaseName: 'A' } });
    expect(psGuess!.largest.ok && psGuess!.largest.value.value).toBeCloseTo(-0.3, 9);
  });

  it('says so when one side drew nothing', () => {
    const noGuess = buildSession({
      rounds: [EXPERIENCED, OTHER],
      people: [
        { id: 's', team: 'sales', curve: { r1: flat(0.8) } },
        { id: 'p', team: 'ps', curve: { r1: flat(0.4), r2: flat(0.6) } },
      ],
    });
    const [salesGuess, psGuess] = measurePerceptionGaps(noGuess, 'r2');
    expect(salesGuess!.meanAbs).toEqual({ ok: false, n: 0, needed: 1 });
    expect(salesGuess!.largest).toEqual({ ok: false, n: 0, needed: 1 });
    expect(psGuess!.meanAbs.ok && psGuess!.meanAbs.value).toBeCloseTo(0.2, 9);
  });

  it('returns nothing for a round of another kind, without an experienced round, or without a PS team', () => {
    expect(measurePerceptionGaps(session, 'r1')).toEqual([]);
    expect(measurePerceptionGaps(session, 'missing')).toEqual([]);
    expect(measurePerceptionGaps({ ...session, rounds: [OTHER] }, 'r2')).toEqual([]);
    expect(measurePerceptionGaps({ ...session, teams: session.teams.filter((t) => t.role !== 'ps') }, 'r2')).toEqual([]);
  });

  it('compares with the first experienced round when there are several', () => {
    const later: Round = { id: 'r3', kind: 'experienced', question: 'again' };
    const twice = { ...session, rounds: [EXPERIENCED, OTHER, later], curves: [...session.curves, { participantId: 'p1', roundId: 'r3', points: flat(0.9) }] };
    const [salesGuess] = measurePerceptionGaps(twice, 'r2');
    expect(salesGuess!.real[0]).toBeCloseTo(0.4, 9);
  });
});
