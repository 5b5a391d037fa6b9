import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS,
  analyseRound,
  compareToTarget,
  disagreementThreshold,
  findDisagreementSpans,
  judgeEnd,
  makeGrid,
  measureAgreement,
  measureHandoverDrop,
  measurePeakEnd,
  measureSpread,
  meanOf,
  participantFit,
  pearson,
  percentileOf,
  populationSd,
  resampleCurve,
  sampleRound,
  targetCurvePoints,
  teamSeries,
  timePos,
  type Figure,
  type Phase,
} from '../../renderer/domain';
import { TEAM_IDS, buildSession, flat, gridIndex, line, pt, sampled } from './sessionBuilder';

const S = TEAM_IDS.sales;
const P = TEAM_IDS.ps;

/** The value of a figure that must be there. */
function valueOf<T>(f: Figure<T> | undefined): T {
  if (!f?.ok) throw new Error(`expected a value, got ${JSON.stringify(f)}`);
  return f.value;
}

const phases = (...spec: [string, number][]): Phase[] => spec.map(([name, width]) => ({ id: `ph-${name}`, name, width }));

describe('small statistics', () => {
  it('interpolates percentiles linearly between order statistics (type 7)', () => {
    // [1, 2, 3, 4]: h = 3p. p = .25 → h = .75 → 1 + .75·1 = 1.75; p = .5 → 2.5; p = .75 → h = 2.25 → 3.25.
    expect(percentileOf([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(percentileOf([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileOf([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12);
    expect(percentileOf([7], 0.25)).toBe(7);
    expect(percentileOf([], 0.5)).toBeNull();
  });

  it('takes the population standard deviation', () => {
    // [.2, .6]: mean .4, deviations ±.2 → sqrt(.04) = .2. [0, .5, 1]: sqrt((.25 + 0 + .25) / 3) = sqrt(1/6).
    expect(populationSd([0.2, 0.6])).toBeCloseTo(0.2, 12);
    expect(populationSd([0, 0.5, 1])).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(meanOf([])).toBeNull();
  });

  it('correlates, and gives no correlation with a flat series', () => {
    // Orthogonal deviations: d − mean(d) = [−.16, .24, −.16, .24, −.16], e − mean(e) = [−.5, −.25, 0, .25, .5]; Σ products = 0.
    expect(pearson([0.2, 0.6, 0.2, 0.6, 0.2], [0, 0.25, 0.5, 0.75, 1])).toBeCloseTo(0, 12);
    expect(pearson([0, 0.5, 1], [1, 0.5, 0])).toBeCloseTo(-1, 12);
    expect(pearson([0.4, 0.4, 0.4], [0, 0.5, 1])).toBeNull();
  });
});

describe('sampleRound', () => {
  it('keeps a partial curve null outside its span and skips other rounds and removed people', () => {
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: flat(0.5, 0.5, 1) },
        { id: 'b', team: 'ps', curve: { r2: flat(0.9) } },
      ],
    });
    const withOrphan = { ...session, curves: [...session.curves, { participantId: 'gone', roundId: 'r1', points: flat(0.1) }] };
    const curves = sampleRound(withOrphan, 'r1', makeGrid(4));
    expect(curves).toEqual([{ participantId: 'a', teamId: S, values: [null, null, 0.5, 0.5, 0.5] }]);
  });
});

describe('teamSeries', () => {
  it('gives the team line and the interquartile band where the curves exist', () => {
    const curves = [
      sampled('a', S, [0.2, 0.4, null]),
      sampled('b', S, [0.6, 0.8, 0.9]),
      sampled('c', S, [1.0, null, null]),
      sampled('x', P, [0, 0, 0]),
    ];
    const t = teamSeries(S, curves, 3);
    expect(t.n).toBe(3);
    expect(t.count).toEqual([3, 2, 1]);
    // Point 0: [.2, .6, 1] → q1: h = .5 → .2 + .5·.4 = .4; q3: h = 1.5 → .6 + .5·.4 = .8.
    // Point 1: [.4, .8] → q1: h = .25 → .4 + .25·.4 = .5; q3: h = .75 → .7.
    // The line: at point 0 (the most curves, 3) the plain mean .6; to point 1 it moves by the mean change of a and b
    // (+.2 each) → .8, although the plain mean stays .6 because c (at 1.0) stopped. Point 2 rests on b alone: no line.
    expect(t.mean[0]).toBeCloseTo(0.6, 12);
    expect(t.mean[1]).toBeCloseTo(0.8, 12);
    expect(t.mean[2]).toBeNull();
    expect(t.lower[0]).toBeCloseTo(0.4, 12);
    expect(t.upper[0]).toBeCloseTo(0.8, 12);
    expect(t.lower[1]).toBeCloseTo(0.5, 12);
    expect(t.upper[1]).toBeCloseTo(0.7, 12);
    expect(t.lower[2]).toBeNull();
    expect(t.upper[2]).toBeNull();
  });

  it('says a team without curves has nothing anywhere', () => {
    const t = teamSeries(P, [sampled('a', S, [0.5, 0.5])], 2);
    expect(t).toEqual({ teamId: P, n: 0, count: [0, 0], mean: [null, null], stretches: [], lower: [null, null], upper: [null, null] });
  });
});

describe('the Sales–PS gap', () => {
  it('is Sales minus PS, largest where they are furthest apart, with its sign and phase', () => {
    // Sales flat .3, PS a line from .2 to .9: gap = .3 − (.2 + .7x) = .1 − .7x; |gap| is largest at x = 1: −.6, in phase B.
    // Mean |gap| over the 201 grid points: .1 − .7x ≥ 0 up to x = 1/7, so compute Σ|.1 − .0035 i| / 201 in the test.
    const session = buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.3) }, { id: 'p', team: 'ps', curve: line(0, 0.2, 1, 0.9) }] });
    const gap = analyseRound(session, 'r1').gap!;
    expect(gap.teamA).toBe(S);
    expect(gap.teamB).toBe(P);
    const largest = valueOf(gap.largest);
    expect(largest.value).toBeCloseTo(-0.6, 9);
    expect(largest.at).toBe(1);
    expect(largest.phaseName).toBe('B');
    expect(gap.values[0]).toBeCloseTo(0.1, 9);
    let sum = 0;
    for (let i = 0; i <= 200; i++) sum += Math.abs(0.1 - 0.0035 * i);
    expect(valueOf(gap.meanAbs)).toBeCloseTo(sum / 201, 9);
    expect(gap.meanAbs.n).toBe(1);
  });

  it('is positive where Sales saw the customer higher; mean |gap| of .8 vs .2 + .4x is .6 − .4·.5 = .4', () => {
    const session = buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.8) }, { id: 'p', team: 'ps', curve: line(0, 0.2, 1, 0.6) }] });
    const gap = analyseRound(session, 'r1').gap!;
    const largest = valueOf(gap.largest);
    expect(largest.value).toBeCloseTo(0.6, 9);
    expect(largest.at).toBe(0);
    expect(largest.phaseName).toBe('A');
    expect(valueOf(gap.meanAbs)).toBeCloseTo(0.4, 9);
  });

  it('exists only where both teams drew, and says so when they never overlap', () => {
    // Sales on [0, .6], PS on [.4, 1]: gap only on [.4, .6].
    const overlapping = buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.7, 0, 0.6) }, { id: 'p', team: 'ps', curve: flat(0.4, 0.4, 1) }] });
    const gap = analyseRound(overlapping, 'r1').gap!;
    expect(gap.values[gridIndex(0.395)]).toBeNull();
    expect(gap.values[gridIndex(0.4)]).toBeCloseTo(0.3, 9);
    expect(gap.values[gridIndex(0.6)]).toBeCloseTo(0.3, 9);
    expect(gap.values[gridIndex(0.605)]).toBeNull();
    expect(valueOf(gap.largest).at).toBeCloseTo(0.4, 12);

    const apart = buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.7, 0, 0.3) }, { id: 'p', team: 'ps', curve: flat(0.4, 0.5, 1) }] });
    const none = analyseRound(apart, 'r1').gap!;
    expect(none.largest).toEqual({ ok: false, n: 0, needed: 1 });
    expect(none.meanAbs).toEqual({ ok: false, n: 0, needed: 1 });
  });

  it('is null when the session has no PS team', () => {
    const session = buildSession({
      teams: [{ id: S, name: 'Sales', role: 'sales', lineStyle: 'solid' }],
      people: [{ id: 's', team: 'sales', curve: flat(0.5) }],
    });
    expect(analyseRound(session, 'r1').gap).toBeNull();
  });
});

describe('measureHandoverDrop', () => {
  const grid = makeGrid(10); // 0, .1, …, 1
  // .8 up to .5, then falling by .1 per step: .7 at .6, .6 at .7, .5 at .8, .4 at .9, .3 at 1.
  const falling = [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

  it('compares the last point before the handover with the low inside the window', () => {
    // Handover .5, window .2 → before = value at .4 = .8; low over (.5, .7] = .6 at .7; drop .2 ≤ .25.
    const drop = valueOf(measureHandoverDrop(falling, grid, timePos(0.5), DEFAULT_ANALYSIS));
    expect(drop.before).toBeCloseTo(0.8, 12);
    expect(drop.low).toBeCloseTo(0.6, 12);
    expect(drop.lowAt).toBeCloseTo(0.7, 12);
    expect(drop.drop).toBeCloseTo(0.2, 12);
    expect(drop.overstretched).toBe(false);
  });

  it('looks as far as the window reaches and flags a drop past the threshold', () => {
    // Window .3 → (.5, .8] → low .5 at .8; drop .3 > .25.
    const drop = valueOf(measureHandoverDrop(falling, grid, timePos(0.5), { handoverWindow: 0.3, dropThreshold: 0.25 }));
    expect(drop.low).toBeCloseTo(0.5, 12);
    expect(drop.drop).toBeCloseTo(0.3, 12);
    expect(drop.overstretched).toBe(true);
  });

  it('gives a negative drop when the curve rises after the handover', () => {
    const rising = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    const drop = valueOf(measureHandoverDrop(rising, grid, timePos(0.5), DEFAULT_ANALYSIS));
    // Low in (.5, .7] is .6 at .6: drop .5 − .6 = −.1.
    expect(drop.drop).toBeCloseTo(-0.1, 12);
    expect(drop.overstretched).toBe(false);
  });

  it('has no drop for a curve that starts after or ends at the handover', () => {
    const late = [null, null, null, null, null, null, 0.5, 0.5, 0.5, 0.5, 0.5];
    const early = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, null, null, null, null, null];
    expect(measureHandoverDrop(late, grid, timePos(0.5), DEFAULT_ANALYSIS)).toEqual({ ok: false, n: 0, needed: 1 });
    expect(measureHandoverDrop(early, grid, timePos(0.5), DEFAULT_ANALYSIS)).toEqual({ ok: false, n: 0, needed: 1 });
  });

  it('has no "before" for a handover at the very start and no window after one at the very end', () => {
    expect(measureHandoverDrop(falling, grid, timePos(0), DEFAULT_ANALYSIS)).toEqual({ ok: false, n: 0, needed: 1 });
    expect(measureHandoverDrop(falling, grid, timePos(1), DEFAULT_ANALYSIS)).toEqual({ ok: false, n: 0, needed: 1 });
  });
});

describe('the handover drop in a round', () => {
  it('counts a step exactly at the handover in full, whichever side its corner sits on', () => {
    // Step .8 → .3 at the handover (.5). "Before" is the value at .495 (.8), the low .3 at .505: drop .5 > .25.
    const afterCorner = [pt(0, 0.8), pt(0.5, 0.8), pt(0.505, 0.3), pt(1, 0.3)];
    const beforeCorner = [pt(0, 0.8), pt(0.495, 0.8), pt(0.5, 0.3), pt(1, 0.3)];
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: afterCorner },
        { id: 'b', team: 'sales', curve: beforeCorner },
      ],
    });
    const handover = analyseRound(session, 'r1').handover!;
    expect(handover.at).toBe(0.5);
    for (const id of ['a', 'b']) {
      const drop = valueOf(handover.byParticipant[id]);
      expect(drop.before).toBeCloseTo(0.8, 9);
      expect(drop.low).toBeCloseTo(0.3, 9);
      expect(drop.lowAt).toBeCloseTo(0.505, 12);
      expect(drop.drop).toBeCloseTo(0.5, 9);
      expect(drop.overstretched).toBe(true);
    }
    expect(handover.byTeam[S]).toMatchObject({ ok: true, n: 2 });
    expect(valueOf(handover.byTeam[S]).drop).toBeCloseTo(0.5, 9);
  });

  it('measures a team on the curves that span the handover, not on a mean whose members change there', () => {
    // p1 spans: .8 before, step to .4 after → drop .4. p2 joined at the handover at .2.
    // The plain team mean would read .8 before and (.4 + .2)/2 = .3 after: a drop of .5 no one drew.
    const session = buildSession({
      people: [
        { id: 'p1', team: 'ps', curve: [pt(0, 0.8), pt(0.5, 0.8), pt(0.505, 0.4), pt(1, 0.4)] },
        { id: 'p2', team: 'ps', curve: flat(0.2, 0.5, 1) },
      ],
    });
    const handover = analyseRound(session, 'r1').handover!;
    expect(handover.byParticipant.p2).toEqual({ ok: false, n: 0, needed: 1 });
    expect(handover.byTeam[P]).toMatchObject({ ok: true, n: 1 });
    expect(valueOf(handover.byTeam[P]).drop).toBeCloseTo(0.4, 9);
    expect(handover.byTeam[S]).toEqual({ ok: false, n: 0, needed: 1 });
  });

  it('says there is no drop when the handover is at the very start or end of the timeline', () => {
    const people = [{ id: 'a', team: 'sales' as const, curve: flat(0.5) }];
    const atStart = analyseRound(buildSession({ handoverAt: 0, people }), 'r1').handover!;
    const atEnd = analyseRound(buildSession({ handoverAt: 1, people }), 'r1').handover!;
    expect(atStart.byParticipant.a).toEqual({ ok: false, n: 0, needed: 1 });
    expect(atEnd.byParticipant.a).toEqual({ ok: false, n: 0, needed: 1 });
    expect(atEnd.byTeam[S]).toEqual({ ok: false, n: 0, needed: 1 });
  });

  it('is null when the timeline marks no handover', () => {
    expect(analyseRound(buildSession({ handoverAt: null, people: [] }), 'r1').handover).toBeNull();
  });
});

describe('peak and end', () => {
  it('judges the end in thirds of the scale and against the peak', () => {
    expect(judgeEnd(0.9, 0.9)).toBe('peakAtEnd');
    expect(judgeEnd(0.9, 0.86)).toBe('peakAtEnd'); // within .05 of the peak
    expect(judgeEnd(2 / 3, 2 / 3)).toBe('peakAtEnd'); // upper third starts at 2/3
    expect(judgeEnd(0.9, 0.7)).toBe('belowPeak');
    expect(judgeEnd(0.9, 0.5)).toBe('satisfiedNotThrilled');
    expect(judgeEnd(0.5, 0.5)).toBe('satisfiedNotThrilled'); // never more than satisfied
    expect(judgeEnd(0.9, 1 / 3)).toBe('satisfiedNotThrilled'); // middle third starts at 1/3
    expect(judgeEnd(0.9, 0.2)).toBe('disappointed');
  });

  it('finds the peak and the last value of the span', () => {
    // On 0, .25, .5, .75, 1 with the last phase from .5: peak .9 at .5, end .5 at .75 (well into the last phase), end − peak = −.4.
    const f = measurePeakEnd([null, 0.4, 0.9, 0.5, null], makeGrid(4), 1, 0.5);
    expect(f).toEqual({
      ok: true,
      n: 1,
      value: {
        peak: 0.9,
        peakAt: 0.5,
        peakStart: 0.5,
        peakEnd: 0.5,
        end: 0.5,
        endAt: 0.75,
        reachesEnd: true,
        endVsPeak: 0.5 - 0.9,
        verdict: 'satisfiedNotThrilled',
        peakN: 1,
        endN: 1,
      },
    });
    expect(measurePeakEnd([null, null], makeGrid(1))).toEqual({ ok: false, n: 0, needed: 1 });
  });

  it('gives a curve that stops before the last phase no end verdict: it is drawn until where it stops', () => {
    // The last phase starts at .8; the curve ends at .75.
    const f = valueOf(measurePeakEnd([null, 0.4, 0.9, 0.5, null], makeGrid(4), 1, 0.8));
    expect(f.reachesEnd).toBe(false);
    expect(f.verdict).toBeNull();
    expect(f.endAt).toBe(0.75);
  });

  it('names a flat peak by its whole stretch, not its first point', () => {
    // .9 from .25 to .75 (within .01: .895 counts), then .5: the plateau runs .25–.75.
    const f = valueOf(measurePeakEnd([0.5, 0.9, 0.895, 0.9, 0.5], makeGrid(4)));
    expect([f.peakAt, f.peakStart, f.peakEnd]).toEqual([0.25, 0.25, 0.75]);
  });

  it('reads a team on its mean, resting on all its curves', () => {
    // Sales: .2 → 1 and .4 → .6 (both lines): mean .3 + .5x, peak = end = .8 at 1.
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: line(0, 0.2, 1, 1) },
        { id: 'b', team: 'sales', curve: line(0, 0.4, 1, 0.6) },
      ],
    });
    const { peakEnd } = analyseRound(session, 'r1');
    const team = valueOf(peakEnd.byTeam[S]);
    expect(peakEnd.byTeam[S]!.n).toBe(2);
    expect([team.peakN, team.endN]).toEqual([2, 2]);
    expect(team.peak).toBeCloseTo(0.8, 9);
    expect(team.end).toBeCloseTo(0.8, 9);
    expect(team.verdict).toBe('peakAtEnd');
    expect(valueOf(peakEnd.byParticipant.b).verdict).toBe('satisfiedNotThrilled');
    expect(peakEnd.byTeam[P]).toEqual({ ok: false, n: 0, needed: 1 });
  });
});

describe('spread and agreement', () => {
  it('is zero for two identical curves: agreement 1', () => {
    const session = buildSession({ people: [{ id: 'a', team: 'sales', curve: line(0, 0.2, 1, 0.8) }, { id: 'b', team: 'ps', curve: line(0, 0.2, 1, 0.8) }] });
    const r = analyseRound(session, 'r1');
    expect(r.spread.every((v) => v !== null && Math.abs(v) < 1e-12)).toBe(true);
    expect(r.agreement).toMatchObject({ ok: true, n: 2 });
    expect(valueOf(r.agreement)).toBeCloseTo(1, 12);
    expect(r.disagreement).toEqual([]); // spread 0 < the .1 floor
  });

  it('turns a constant spread of .2 into agreement 1 − .2/.5 = .6', () => {
    // .2 and .6 everywhere: population SD .2.
    const session = buildSession({ people: [{ id: 'a', team: 'sales', curve: flat(0.2) }, { id: 'b', team: 'ps', curve: flat(0.6) }] });
    expect(valueOf(analyseRound(session, 'r1').agreement)).toBeCloseTo(0.6, 9);
  });

  it('counts partial curves only where they exist', () => {
    // a: .8 on [0, .6]; b: .4 on [.4, 1] (same team). Two curves only on [.4, .6].
    const session = buildSession({ people: [{ id: 'a', team: 'sales', curve: flat(0.8, 0, 0.6) }, { id: 'b', team: 'sales', curve: flat(0.4, 0.4, 1) }] });
    const r = analyseRound(session, 'r1');
    const team = r.teams.find((t) => t.teamId === S)!;
    expect([0.395, 0.4, 0.6, 0.605].map((x) => team.count[gridIndex(x)])).toEqual([1, 2, 2, 1]);
    // The line only where both drew: (.8 + .4)/2 = .6; none where one of the two stands alone.
    expect(team.mean[gridIndex(0.2)]).toBeNull();
    expect(team.mean[gridIndex(0.5)]).toBeCloseTo(0.6, 9);
    expect(team.mean[gridIndex(0.8)]).toBeNull();
    // Band [.4, .8]: q1 = .4 + .25·.4 = .5, q3 = .7; none where one curve.
    expect(team.lower[gridIndex(0.5)]).toBeCloseTo(0.5, 9);
    expect(team.upper[gridIndex(0.5)]).toBeCloseTo(0.7, 9);
    expect(team.lower[gridIndex(0.2)]).toBeNull();
    // Spread .2 in the overlap, none outside; agreement from the overlap alone: 1 − .2/.5 = .6.
    expect(r.spread[gridIndex(0.395)]).toBeNull();
    expect(r.spread[gridIndex(0.5)]).toBeCloseTo(0.2, 9);
    expect(valueOf(r.agreement)).toBeCloseTo(0.6, 9);
  });

  it('says a single curve is not enough for spread, band or agreement', () => {
    const session = buildSession({ people: [{ id: 'a', team: 'sales', curve: line(0, 0.2, 1, 0.8) }] });
    const r = analyseRound(session, 'r1');
    expect(r.spread.every((v) => v === null)).toBe(true);
    expect(r.teams.find((t) => t.teamId === S)!.lower.every((v) => v === null)).toBe(true);
    expect(r.agreement).toEqual({ ok: false, n: 1, needed: 2 });
    expect(r.disagreement).toEqual([]);
    expect(r.fits).toEqual([{ participantId: 'a', distance: { ok: false, n: 0, needed: 1 }, correlation: { ok: false, n: 0, needed: 1 } }]);
  });

  it('needs two curves at the same time: two that never meet have no agreement', () => {
    const curves = [sampled('a', S, [0.5, 0.5, null, null]), sampled('b', P, [null, null, 0.1, 0.1])];
    const spread = measureSpread(curves, 4);
    expect(spread).toEqual([null, null, null, null]);
    expect(measureAgreement(spread, curves)).toEqual({ ok: false, n: 1, needed: 2 });
  });
});

describe('disagreement spans', () => {
  // Grid 0, .1, …, 1 over phases A [0, .5) and B [.5, 1].
  const grid = makeGrid(10);
  const ab = phases(['A', 1], ['B', 1]);

  it('takes the upper quartile of the spread, but never less than .1', () => {
    // Sorted: six 0s, three .3s, two .5s; h = 10·.75 = 7.5 → x[7] + .5·(x[8] − x[7]) = .3.
    expect(disagreementThreshold([0, 0, 0, 0.3, 0.3, 0.3, 0, 0, 0.5, 0.5, 0])).toBeCloseTo(0.3, 12);
    expect(disagreementThreshold([0.02, 0.05, null])).toBe(0.1);
    expect(disagreementThreshold([null, null])).toBeNull();
  });

  it('finds the runs at or above it, ranks them by mean spread and names them by phase', () => {
    const spread = [0, 0, 0, 0.3, 0.3, 0.3, 0, 0, 0.5, 0.5, 0];
    const counts = [2, 2, 2, 3, 3, 2, 2, 2, 2, 2, 2];
    const spans = findDisagreementSpans(spread, counts, grid, ab);
    expect(spans).toHaveLength(2);
    // First: .8–.9, mean .5, midpoint .85 in B.
    expect(spans[0]).toMatchObject({ start: 0.8, end: 0.9, phaseName: 'B', phaseId: 'ph-B', phaseNames: ['B'], n: 2 });
    expect(spans[0]!.spread).toBeCloseTo(0.5, 12);
    expect(spans[0]!.at).toBeCloseTo(0.85, 12);
    // Second: .3–.5, mean .3, midpoint .4 in A; it only grazes B (ends on its first point), so it is named by A alone;
    // fewest curves 2 (at .5).
    expect(spans[1]).toMatchObject({ start: 0.3, end: 0.5, phaseName: 'A', phaseNames: ['A'], n: 2 });
    expect(spans[1]!.spread).toBeCloseTo(0.3, 12);
  });

  it('returns at most max spans', () => {
    // Three runs of .5 and two of .4; with max 2 the two .5 runs come first (earlier first on a tie).
    const spread = [0.5, 0, 0.4, 0, 0.5, 0, 0.4, 0, 0.5, 0, 0];
    const spans = findDisagreementSpans(spread, new Array<number>(11).fill(2), grid, ab, 2);
    expect(spans.map((s) => s.start)).toEqual([0, 0.4]);
  });

  it('finds where two curves diverge in a round, in the right phase', () => {
    // Phases A [0, .5), B [.5, .75), C [.75, 1]. Curves .5 → .9 and .5 → .1: spread .4x.
    // Non-null spreads .4·i/200, i = 0…200: the 75th percentile is at h = 150 → .3, so the span is x ≥ .75,
    // all of C; its midpoint .875 is in C; its mean spread .4 · mean(.75…1) = .4 · .875 = .35.
    const session = buildSession({
      phases: [['A', 2], ['B', 1], ['C', 1]],
      people: [
        { id: 'a', team: 'sales', curve: line(0, 0.5, 1, 0.9) },
        { id: 'b', team: 'ps', curve: line(0, 0.5, 1, 0.1) },
      ],
    });
    const [span, ...rest] = analyseRound(session, 'r1').disagreement;
    expect(rest).toEqual([]);
    expect(span).toMatchObject({ start: 0.75, end: 1, phaseName: 'C', phaseNames: ['C'], n: 2 });
    expect(span!.spread).toBeCloseTo(0.35, 9);
  });
});

describe('each participant against the group', () => {
  it('measures the RMS distance and correlation to the mean of the others', () => {
    const a = sampled('a', S, [0.2, 0.4, 0.6, 0.8, 1.0]);
    const b = sampled('b', S, [0.4, 0.4, 0.4, 0.4, 0.4]);
    const c = sampled('c', P, [0.0, 0.2, 0.4, 0.6, 0.8]);
    // a vs mean(b, c) = [.2, .3, .4, .5, .6]: differences 0, .1, .2, .3, .4 → RMS sqrt(.30/5) = sqrt(.06); both rise linearly: r = 1.
    const fitA = participantFit(a, [a, b, c]);
    expect(fitA.distance.n).toBe(2);
    expect(valueOf(fitA.distance)).toBeCloseTo(Math.sqrt(0.06), 12);
    expect(valueOf(fitA.correlation)).toBeCloseTo(1, 12);
    // b (flat) vs mean(a, c) = [.1, .3, .5, .7, .9]: differences .3, .1, −.1, −.3, −.5 → RMS sqrt(.45/5) = .3; no correlation with a flat curve.
    const fitB = participantFit(b, [a, b, c]);
    expect(valueOf(fitB.distance)).toBeCloseTo(0.3, 12);
    expect(fitB.correlation).toEqual({ ok: false, n: 2, needed: 1, reason: 'noVariance' });
  });

  it('gives correlation 0 for a zigzag against a line', () => {
    // d − e = .2, .35, −.3, −.15, −.8 → squares .04, .1225, .09, .0225, .64 = .915 → RMS sqrt(.183).
    const d = sampled('d', S, [0.2, 0.6, 0.2, 0.6, 0.2]);
    const e = sampled('e', P, [0, 0.25, 0.5, 0.75, 1]);
    const fit = participantFit(d, [d, e]);
    expect(valueOf(fit.distance)).toBeCloseTo(Math.sqrt(0.183), 12);
    expect(valueOf(fit.correlation)).toBeCloseTo(0, 12);
  });

  it('gives distance 0 and correlation 1 for two identical rising curves, none for two identical flat ones', () => {
    const rising = buildSession({ people: [{ id: 'a', team: 'sales', curve: line(0, 0.2, 1, 0.8) }, { id: 'b', team: 'ps', curve: line(0, 0.2, 1, 0.8) }] });
    const [fit] = analyseRound(rising, 'r1').fits;
    expect(valueOf(fit!.distance)).toBeCloseTo(0, 12);
    expect(valueOf(fit!.correlation)).toBeCloseTo(1, 9);
    const flatPair = buildSession({ people: [{ id: 'a', team: 'sales', curve: flat(0.5) }, { id: 'b', team: 'ps', curve: flat(0.5) }] });
    const [flatFit] = analyseRound(flatPair, 'r1').fits;
    expect(valueOf(flatFit!.distance)).toBe(0);
    expect(flatFit!.correlation).toEqual({ ok: false, n: 1, needed: 1, reason: 'noVariance' });
  });

  it('compares partial curves only where they overlap, and wants three shared points for a correlation', () => {
    // Overlap only at index 2: distance |.5 − .3| = .2; one point is too few to correlate.
    const p = sampled('p', S, [null, null, 0.5, 0.6, 0.7]);
    const q = sampled('q', P, [0.1, 0.2, 0.3, null, null]);
    const fit = participantFit(p, [p, q]);
    expect(fit.distance).toMatchObject({ ok: true, n: 1 });
    expect(valueOf(fit.distance)).toBeCloseTo(0.2, 12);
    expect(fit.correlation).toEqual({ ok: false, n: 1, needed: 1, reason: 'tooFewPoints' });
  });
});

describe('the target curve', () => {
  it('runs through start, the handover level at the handover, and end', () => {
    const session = buildSession({ handoverAt: 0.3, people: [], target: { visible: true, start: 0.4, handover: 0.55, end: 0.9 } });
    expect(targetCurvePoints(session)).toEqual([pt(0, 0.4), pt(0.3, 0.55), pt(1, 0.9)]);
  });

  it('places the handover level at .4 without a handover and leaves it out at the very start or end', () => {
    const target = { visible: true, start: 0.4, handover: 0.55, end: 0.9 };
    expect(targetCurvePoints(buildSession({ handoverAt: null, people: [], target }))).toEqual([pt(0, 0.4), pt(0.4, 0.55), pt(1, 0.9)]);
    expect(targetCurvePoints(buildSession({ handoverAt: 0, people: [], target }))).toEqual([pt(0, 0.4), pt(1, 0.9)]);
    expect(targetCurvePoints(buildSession({ handoverAt: 1, people: [], target }))).toEqual([pt(0, 0.4), pt(1, 0.9)]);
  });

  it('rises monotonically to its peak at the end with the default levels', () => {
    const values = resampleCurve(targetCurvePoints(buildSession({ people: [] })), makeGrid(200)) as number[];
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values[200]).toBeCloseTo(0.95, 12);
  });

  it('measures each team mean against it where the mean exists', () => {
    // Target flat .5. Sales .8 → RMS .3. PS .2 + .4x → RMS² = mean over the grid of (.4x − .3)²
    // = .16·E[x²] − .24·E[x] + .09 with E[x] = .5 and E[x²] = Σ(i/200)²/201 = 401/1200: .16·401/1200 − .12 + .09 = .0234667.
    // Customer: only on [.5, 1] at .5 → 0. Other: no curves → not enough.
    const session = buildSession({
      target: { visible: true, start: 0.5, handover: 0.5, end: 0.5 },
      people: [
        { id: 's', team: 'sales', curve: flat(0.8) },
        { id: 'p', team: 'ps', curve: line(0, 0.2, 1, 0.6) },
        { id: 'c', team: 'customer', curve: flat(0.5, 0.5, 1) },
      ],
    });
    const r = analyseRound(session, 'r1');
    const byTeam = r.target.distanceByTeam;
    expect(valueOf(byTeam[S])).toBeCloseTo(0.3, 9);
    expect(valueOf(byTeam[P])).toBeCloseTo(Math.sqrt((0.16 * 401) / 1200 - 0.12 + 0.09), 9);
    expect(valueOf(byTeam[TEAM_IDS.customer])).toBeCloseTo(0, 9);
    expect(byTeam[TEAM_IDS.other]).toEqual({ ok: false, n: 0, needed: 1 });
    expect(compareToTarget(session, r.teams, r.grid).values).toHaveLength(201);
  });
});

describe('analyseRound', () => {
  it('handles a team with no curves everywhere it appears', () => {
    const session = buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.6) }, { id: 's2', team: 'sales', curve: flat(0.4) }] });
    const r = analyseRound(session, 'r1');
    const ps = r.teams.find((t) => t.teamId === P)!;
    expect(ps.n).toBe(0);
    expect(ps.mean.every((v) => v === null)).toBe(true);
    expect(r.gap!.largest).toEqual({ ok: false, n: 0, needed: 1 });
    expect(r.handover!.byTeam[P]).toEqual({ ok: false, n: 0, needed: 1 });
    expect(r.peakEnd.byTeam[P]).toEqual({ ok: false, n: 0, needed: 1 });
    expect(r.target.distanceByTeam[P]).toEqual({ ok: false, n: 0, needed: 1 });
    expect(r.teams.map((t) => t.teamId)).toEqual(session.teams.map((t) => t.id));
  });

  it('works on the 200-step grid and has nothing for a round without curves', () => {
    const r = analyseRound(buildSession({ people: [{ id: 's', team: 'sales', curve: flat(0.6) }] }), 'nope');
    expect(r.grid).toHaveLength(201);
    expect(r.curves).toEqual([]);
    expect(r.agreement).toEqual({ ok: false, n: 0, needed: 2 });
    expect(r.disagreement).toEqual([]);
    expect(r.fits).toEqual([]);
  });

  it('reports the spread across all curves regardless of team', () => {
    // Three curves .2, .5, .8: SD sqrt((.09 + 0 + .09)/3) = sqrt(.06).
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: flat(0.2) },
        { id: 'b', team: 'ps', curve: flat(0.5) },
        { id: 'c', team: 'customer', curve: flat(0.8) },
      ],
    });
    const r = analyseRound(session, 'r1');
    expect(r.spread[0]).toBeCloseTo(Math.sqrt(0.06), 9);
    expect(r.agreement).toMatchObject({ ok: true, n: 3 });
    expect(valueOf(r.agreement)).toBeCloseTo(1 - Math.sqrt(0.06) / 0.5, 9);
  });
});
