import { describe, expect, it } from 'vitest';
import { layoutPhases, phaseAt, phaseCentres, remapMilestones, remapTime, timePos, type Phase } from '../../renderer/domain';

const phases = (...widths: number[]): Phase[] => widths.map((width, i) => ({ id: `p${i}`, name: `P${i}`, width }));

describe('layoutPhases', () => {
  it('places phases by their relative widths', () => {
    const spans = layoutPhases(phases(1, 1, 2));
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 1],
    ]);
  });

  it('ends exactly at 1 even when widths do not divide evenly', () => {
    const spans = layoutPhases(phases(1, 1, 1));
    expect(spans[2]!.end).toBe(1);
    expect(spans[0]!.end).toBeCloseTo(1 / 3, 12);
  });

  it('gives nothing for an empty timeline', () => {
    expect(layoutPhases([])).toEqual([]);
  });
});

describe('phaseAt and phaseCentres', () => {
  it('finds the later phase on a boundary and the last phase at the very end', () => {
    const ps = phases(1, 1);
    expect(phaseAt(ps, timePos(0.2))!.phase.id).toBe('p0');
    expect(phaseAt(ps, timePos(0.5))!.phase.id).toBe('p1');
    expect(phaseAt(ps, timePos(1))!.phase.id).toBe('p1');
  });

  it('puts the centre in the middle of each phase', () => {
    expect(phaseCentres(phases(1, 3))).toEqual([0.125, 0.625]);
  });
});

describe('remapTime', () => {
  it('keeps a time at the same place within its phase when the phase grows', () => {
    // Old: p0 [0, .5], p1 [.5, 1]. New: p0 [0, .25], p1 [.25, 1]. The middle of p1 goes from .75 to .625.
    const map = remapTime(phases(1, 1), phases(1, 3));
    expect(map(timePos(0.75))).toBeCloseTo(0.625, 12);
    expect(map(timePos(0.25))).toBeCloseTo(0.125, 12);
    expect(map(timePos(1))).toBe(1);
  });

  it('follows a phase that moved and drops times in a removed phase', () => {
    const old = phases(1, 1);
    const swapped = [old[1]!, old[0]!];
    expect(remapTime(old, swapped)(timePos(0.25))).toBeCloseTo(0.75, 12);
    expect(remapTime(old, [old[0]!])(timePos(0.75))).toBeNull();
  });

  it('moves a milestone of a removed phase to the start of the next remaining phase', () => {
    const old = phases(1, 1, 2);
    const next = [old[0]!, old[2]!];
    const [m] = remapMilestones([{ id: 'm', name: 'M', at: timePos(0.3) }], old, next);
    // p2 now starts at 1/3.
    expect(m!.at).toBeCloseTo(1 / 3, 12);
  });
});
