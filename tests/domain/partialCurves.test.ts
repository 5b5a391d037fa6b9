import { describe, expect, it } from 'vitest';
import { analyseRound, measureFits, measureSpreadSplit, type Figure, type SampledCurve } from '../../renderer/domain';
import { TEAM_IDS, buildSession, flat, gridIndex, line, sampled } from './sessionBuilder';

// Partial curves are normal (people join late, leave early); a curve starting
// or ending must never show up as an event in a team figure. Every figure
// here is worked out by hand.

const S = TEAM_IDS.sales;
const P = TEAM_IDS.ps;

function valueOf<T>(f: Figure<T> | undefined): T {
  if (!f?.ok) throw new Error(`expected a value, got ${JSON.stringify(f)}`);
  return f.value;
}

/** Three equal phases: Erstkontakt [0, 1/3), Kickoff [1/3, 2/3), Umsetzung [2/3, 1]; the handover at .4. */
const THREE_PHASES = [['Erstkontakt', 1], ['Kickoff', 1], ['Umsetzung', 1]] as const;

describe('the Sales example of issue 7: one Sales person stops just after the handover', () => {
  // Sales A flat at 9.5 from the start to 5 % past the handover (.4 → .45), Sales B flat at 4 throughout; PS flat at 5.
  // The plain team mean would read (9.5 + 4)/2 = 6.75 before the handover and 4 once A stops: a "drop" of 2.75 past the
  // 2.5 threshold, "overstretched", although no Sales curve dropped at all.
  const session = buildSession({
    phases: THREE_PHASES,
    handoverAt: 0.4,
    people: [
      { id: 'a', team: 'sales', curve: flat(0.95, 0, 0.45) },
      { id: 'b', team: 'sales', curve: flat(0.4) },
      { id: 'p', team: 'ps', curve: flat(0.5) },
    ],
  });
  const r = analyseRound(session, 'r1');

  it('shows no Sales drop and no overstretched flag: each member dropped by 0', () => {
    const sales = r.handover!.byTeam[S]!;
    expect(sales).toMatchObject({ ok: true, n: 2 });
    const drop = valueOf(sales);
    // Before: (.95 + .4)/2 = .675; lows: A .95 (what it drew after the handover), B .4 → mean .675.
    expect(drop.before).toBeCloseTo(0.675, 9);
    expect(drop.low).toBeCloseTo(0.675, 9);
    expect(drop.drop).toBeCloseTo(0, 9);
    expect(drop.overstretched).toBe(false);
    expect(drop.overstretchedCurves).toBe(0);
  });

  it('draws the Sales line only where both drew, at 6.75, without a jump where A stops', () => {
    const line = r.teams.find((t) => t.teamId === S)!;
    expect(line.mean[gridIndex(0)]).toBeCloseTo(0.675, 9);
    expect(line.mean[gridIndex(0.45)]).toBeCloseTo(0.675, 9);
    expect(line.mean[gridIndex(0.455)]).toBeNull();
    expect(line.stretches).toEqual([{ from: 0, to: gridIndex(0.45) }]);
  });

  it('says the Sales line stops in Kickoff instead of calling that its end', () => {
    const team = valueOf(r.peakEnd.byTeam[S]);
    expect(team.reachesEnd).toBe(false);
    expect(team.verdict).toBeNull();
    expect(team.endAt).toBeCloseTo(0.45, 12);
    // The whole line is one plateau at 6.75: from the start to where it stops.
    expect([team.peakStart, team.peakEnd]).toEqual([0, 0.45]);
    // A stopped in Kickoff too; B reached Umsetzung, the last phase: B's end is an end.
    expect(valueOf(r.peakEnd.byParticipant.a).reachesEnd).toBe(false);
    expect(valueOf(r.peakEnd.byParticipant.b)).toMatchObject({ reachesEnd: true, verdict: 'satisfiedNotThrilled' });
  });

  it('puts the largest Sales–PS gap on the whole stretch where the Sales line exists, not on a jump', () => {
    // 6.75 − 5 = 1.75 all along [0, .45]; nothing after (no Sales line).
    const largest = valueOf(r.gap!.largest);
    expect(largest.value).toBeCloseTo(0.175, 9);
    expect([largest.start, largest.end]).toEqual([0, 0.45]);
    expect(r.gap!.values[gridIndex(0.5)]).toBeNull();
  });
});

describe('the team line never jumps where a curve starts or ends', () => {
  it('keeps moving with the members who stay when a third one stops', () => {
    // A .2 → .6 and B .4 → .8 (straight lines, each +.4 over the timeline); C flat .9 on [0, .5].
    // On [0, .5] three curves: the line is their plain mean. At .5: (.4 + .6 + .9)/3 = 1.9/3.
    // After C stops, the line moves as A and B do (+.2 from .5 to 1): at 1, 1.9/3 + .2 — the plain mean would be .7.
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: line(0, 0.2, 1, 0.6) },
        { id: 'b', team: 'sales', curve: line(0, 0.4, 1, 0.8) },
        { id: 'c', team: 'sales', curve: flat(0.9, 0, 0.5) },
      ],
    });
    const team = analyseRound(session, 'r1').teams.find((t) => t.teamId === S)!;
    expect(team.mean[gridIndex(0.5)]).toBeCloseTo(1.9 / 3, 9);
    expect(team.mean[gridIndex(1)]).toBeCloseTo(1.9 / 3 + 0.2, 9);
    // Each step moves by A's and B's common slope .4/200 = .002, also across C's end.
    const step = team.mean[gridIndex(0.505)]! - team.mean[gridIndex(0.5)]!;
    expect(step).toBeCloseTo(0.002, 9);
    expect(team.stretches).toHaveLength(1);
  });

  it('takes its level from where most of the team drew, when people join late', () => {
    // P1 flat .3 from the start; P2 and P3 join at .5 at .6 and .9. Two curves are needed for a line:
    // it starts at .5, where all three are; level (.3 + .6 + .9)/3 = .6, flat.
    const session = buildSession({
      people: [
        { id: 'p1', team: 'ps', curve: flat(0.3) },
        { id: 'p2', team: 'ps', curve: flat(0.6, 0.5, 1) },
        { id: 'p3', team: 'ps', curve: flat(0.9, 0.5, 1) },
      ],
    });
    const team = analyseRound(session, 'r1').teams.find((t) => t.teamId === P)!;
    expect(team.mean[gridIndex(0.495)]).toBeNull();
    expect(team.mean[gridIndex(0.5)]).toBeCloseTo(0.6, 9);
    expect(team.mean[gridIndex(1)]).toBeCloseTo(0.6, 9);
  });

  it('breaks where nobody goes on from one point to the next, instead of joining two different groups', () => {
    // A and B on [0, .5] at .3 and .5; C and D on [.505, 1] at .7 and .9: two stretches, levels .4 and .8.
    const session = buildSession({
      people: [
        { id: 'a', team: 'sales', curve: flat(0.3, 0, 0.5) },
        { id: 'b', team: 'sales', curve: flat(0.5, 0, 0.5) },
        { id: 'c', team: 'sales', curve: flat(0.7, 0.505, 1) },
        { id: 'd', team: 'sales', curve: flat(0.9, 0.505, 1) },
      ],
    });
    const team = analyseRound(session, 'r1').teams.find((t) => t.teamId === S)!;
    expect(team.stretches).toEqual([
      { from: 0, to: gridIndex(0.5) },
      { from: gridIndex(0.505), to: 200 },
    ]);
    expect(team.mean[gridIndex(0.5)]).toBeCloseTo(0.4, 9);
    expect(team.mean[gridIndex(0.505)]).toBeCloseTo(0.8, 9);
  });

  it('is a team of one’s own curve, wherever it is', () => {
    const session = buildSession({ people: [{ id: 'k', team: 'customer', curve: flat(0.5, 0.2, 0.6) }] });
    const team = analyseRound(session, 'r1').teams.find((t) => t.teamId === TEAM_IDS.customer)!;
    expect(team.mean[gridIndex(0.2)]).toBeCloseTo(0.5, 9);
    expect(team.mean[gridIndex(0.1)]).toBeNull();
    expect(team.stretches).toEqual([{ from: gridIndex(0.2), to: gridIndex(0.6) }]);
  });
});

describe('a team’s drop after the handover comes from its members’ own drops', () => {
  it('averages the drops of the curves that span the handover, and counts who passed the threshold', () => {
    // Handover .5, window .2. p1: .8, then a step to .4 at .505 → drop .4 (overstretched). p2: flat .5 → drop 0.
    // p3 joined at .505 at .1: no drop of its own, takes no part (the plain mean would fall by far more).
    // Team: before (.8 + .5)/2 = .65, low (.4 + .5)/2 = .45, drop .2 ≤ .25: not overstretched, though one curve was.
    const session = buildSession({
      people: [
        { id: 'p1', team: 'ps', curve: [[0, 0.8], [0.5, 0.8], [0.505, 0.4], [1, 0.4]] as never },
        { id: 'p2', team: 'ps', curve: flat(0.5) },
        { id: 'p3', team: 'ps', curve: flat(0.1, 0.505, 1) },
      ],
    });
    const drop = analyseRound(session, 'r1').handover!.byTeam[P]!;
    expect(drop).toMatchObject({ ok: true, n: 2 });
    const d = valueOf(drop);
    expect(d.before).toBeCloseTo(0.65, 9);
    expect(d.low).toBeCloseTo(0.45, 9);
    expect(d.drop).toBeCloseTo(0.2, 9);
    expect(d.overstretched).toBe(false);
    expect(d.overstretchedCurves).toBe(1);
    // Where: the mean of the members' lows (.505 and the first point after the handover, .505).
    expect(d.lowAt).toBeCloseTo(0.505, 9);
  });
});

describe('agreement within teams, apart from the difference between them', () => {
  // Sales flat .2 and .4; PS flat .6 and .8.
  const session = buildSession({
    people: [
      { id: 's1', team: 'sales', curve: flat(0.2) },
      { id: 's2', team: 'sales', curve: flat(0.4) },
      { id: 'p1', team: 'ps', curve: flat(0.6) },
      { id: 'p2', team: 'ps', curve: flat(0.8) },
    ],
  });
  const r = analyseRound(session, 'r1');

  it('measures each team on its own curves: a spread of .1 is 1 − .1/.5 = 80 %', () => {
    expect(valueOf(r.agreementByTeam[S])).toBeCloseTo(0.8, 9);
    expect(valueOf(r.agreementByTeam[P])).toBeCloseTo(0.8, 9);
    expect(r.agreementByTeam[TEAM_IDS.customer]).toEqual({ ok: false, n: 0, needed: 2 });
    // The whole group: SD of .2, .4, .6, .8 = sqrt(.2/4) → 1 − sqrt(.05)/.5.
    expect(valueOf(r.agreement)).toBeCloseTo(1 - Math.sqrt(0.05) / 0.5, 9);
  });

  it('splits the group’s spread: 80 % between the teams, 20 % within them', () => {
    // Around the mean .5: squares .09 + .01 + .01 + .09 = .2; around the team means .3 and .7: 4 × .01 = .04.
    const split = valueOf(r.spreadSplit);
    expect(split.within).toBeCloseTo(0.2, 9);
    expect(split.between).toBeCloseTo(0.8, 9);
  });

  it('has nothing to split when everyone drew the same, or when curves never meet', () => {
    const same = [sampled('a', S, [0.5, 0.5]), sampled('b', P, [0.5, 0.5])];
    expect(measureSpreadSplit(same, 2)).toEqual({ ok: false, n: 2, needed: 2, reason: 'noVariance' });
    const apart = [sampled('a', S, [0.5, null]), sampled('b', P, [null, 0.1])];
    expect(measureSpreadSplit(apart, 2)).toEqual({ ok: false, n: 1, needed: 2 });
  });
});

describe('each participant against the group, from running sums', () => {
  it('gives what comparing with every other curve one by one gives, with partial curves', () => {
    // Three curves on five points, two of them partial. The others' mean for b at point 1 is (a + c)/2 = (.2 + .6)/2 = .4.
    const a = sampled('a', S, [0.0, 0.2, 0.4, null, null]);
    const b = sampled('b', S, [null, 0.5, 0.5, 0.5, 0.5]);
    const c = sampled('c', P, [0.2, 0.6, 0.8, 1.0, null]);
    const curves: SampledCurve[] = [a, b, c];
    const [fa, fb, fc] = measureFits(curves);
    // b against: point 1 → .4, point 2 → (.4 + .8)/2 = .6, point 3 → c alone 1.0; point 4 nobody else.
    // Differences .1, −.1, −.5 → RMS sqrt((.01 + .01 + .25)/3) = sqrt(.09) = .3. b overlaps both others: n = 2.
    expect(fb!.distance).toMatchObject({ ok: true, n: 2 });
    expect(valueOf(fb!.distance)).toBeCloseTo(0.3, 12);
    // a against: point 0 → c .2, point 1 → (.5 + .6)/2 = .55, point 2 → (.5 + .8)/2 = .65: differences −.2, −.35, −.25.
    expect(valueOf(fa!.distance)).toBeCloseTo(Math.sqrt((0.04 + 0.1225 + 0.0625) / 3), 12);
    expect(fc!.distance.n).toBe(2);
  });
});

describe('naming a stretch by its phases', () => {
  it('leaves out a phase a stretch only grazes at an end', async () => {
    const { phasesOfStretch } = await import('../../renderer/domain');
    // Three equal phases: boundaries at 1/3 and 2/3.
    const phases = THREE_PHASES.map(([name, width]) => ({ id: name, name, width }));
    expect(phasesOfStretch(phases, 0.1, 1 / 3)).toEqual(['Erstkontakt']);
    expect(phasesOfStretch(phases, 0.1, 0.34)).toEqual(['Erstkontakt', 'Kickoff']);
    expect(phasesOfStretch(phases, 0.3, 0.7)).toEqual(['Erstkontakt', 'Kickoff', 'Umsetzung']);
    expect(phasesOfStretch(phases, 0.5, 0.5)).toEqual(['Kickoff']);
  });
});
