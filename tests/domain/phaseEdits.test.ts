import { describe, expect, it } from 'vitest';
import {
  describePhaseEdit,
  describePhaseRemoval,
  layoutPhases,
  movePhase,
  pinToPhases,
  remapTime,
  removePhase,
  resizePhase,
  timePos,
  valueAt,
  type CurvePoint,
  type Session,
} from '../../renderer/domain';
import { buildSession, flat, pt } from './sessionBuilder';

// Phase edits keep every curve's meaning: a point a third into Kickoff stays
// a third into Kickoff, wherever Kickoff goes and however wide it gets.

/** Phases A, B, C of equal width; a wavy curve over all of them; the handover at .5 (in B). */
const WAVE: CurvePoint[] = [pt(0, 0.2), pt(0.2, 0.7), pt(0.45, 0.3), pt(0.6, 0.9), pt(0.85, 0.4), pt(1, 0.6)];
const session = (): Session =>
  buildSession({
    phases: [['A', 1], ['B', 1], ['C', 1]],
    people: [{ id: 'w', team: 'sales', curve: WAVE }],
  });

/** Where the relative position u (0 … 1) of phase `id` lies on the timeline. */
function at(s: Session, id: string, u: number): number {
  const span = layoutPhases(s.timeline.phases).find((p) => p.phase.id === id)!;
  return span.start + u * (span.end - span.start);
}

const level = (s: Session, x: number) => valueAt(s.curves[0]!.points, timePos(x));

/**
 * Relative positions inside a phase, clear of the few capture steps at its edges. There a curve keeps its level
 * to within 0.0005 (0.005 on the 0–10 scale the figures show with one decimal): the points that pin it to its
 * phases reshape the monotone interpolation by less than that, once, and nothing more moves it.
 */
const INSIDE = [0.05, 0.2, 1 / 3, 0.5, 0.7, 0.95];

describe('a resized phase', () => {
  it('keeps every point of every curve at its place within its phase', () => {
    const before = session();
    const after = resizePhase(before, 'ph-A', 3);
    // A now covers [0, .6), B [.6, .8), C [.8, 1].
    expect(at(after, 'ph-B', 0)).toBeCloseTo(0.6, 12);
    for (const id of ['ph-A', 'ph-B', 'ph-C']) {
      for (const u of INSIDE) expect(level(after, at(after, id, u)), `${id} at ${u}`).toBeCloseTo(level(before, at(before, id, u))!, 3);
    }
    // The old stored point .45 (35 % into B) is now 35 % into the new B: .6 + .35 · .2 = .67, still at level .3.
    expect(level(after, 0.67)).toBeCloseTo(0.3, 9);
  });

  it('would bend the curve without the pinning points: moving the stored points alone is not enough', () => {
    const before = session();
    const map = remapTime(before.timeline.phases, resizePhase(before, 'ph-A', 3).timeline.phases);
    const naive = WAVE.map(([x, y]) => [map(x)!, y] as CurvePoint);
    const after = resizePhase(before, 'ph-A', 3);
    // 5 % into B: the stored points around it (.2 in A and .45 in B) moved by different factors (A grew, B shrank), so the segment between
    // them no longer runs as it did; pinned, the level is what it was.
    const old = level(before, at(before, 'ph-B', 0.05))!;
    expect(Math.abs(valueAt(naive, timePos(at(after, 'ph-C', 0.3)))! - old)).toBeGreaterThan(0.02);
    expect(level(after, at(after, 'ph-B', 0.05))).toBeCloseTo(old, 3);
  });

  it('moves milestones and notes with their phase', () => {
    const base = session();
    const before = { ...base, notes: [{ id: 'n', roundId: 'r1', at: timePos(0.25), participantId: null, kind: 'event' as const, text: 'x', author: '' }] };
    const after = resizePhase(before, 'ph-A', 3);
    // The handover at .5 is half-way through B → half-way through the new B, .7. The note a quarter in (.25, 75 % of A) → .45.
    expect(after.timeline.milestones[0]!.at).toBeCloseTo(0.7, 12);
    expect(after.notes[0]!.at).toBeCloseTo(0.45, 12);
    expect(describePhaseEdit(before, after)).toEqual({ curvesMoved: 1, curvesRemoved: 0, milestonesMoved: ['Handover'], notesMoved: 1 });
  });

  it('does not pile up points when resized again and again', () => {
    let s = session();
    for (const width of [1.25, 1.5, 1.75, 2, 1.75, 1.5, 1.25, 1]) s = resizePhase(s, 'ph-A', width);
    // Back to equal widths: the same curve inside every phase, with a bounded number of pinning points.
    for (const id of ['ph-A', 'ph-B', 'ph-C']) for (const u of INSIDE) expect(level(s, at(s, id, u))).toBeCloseTo(level(session(), at(session(), id, u))!, 3);
    expect(s.curves[0]!.points.length).toBeLessThanOrEqual(WAVE.length + 3 * 4 * 3);
  });
});

describe('reordered phases', () => {
  it('carry their part of every curve with them', () => {
    const before = session();
    const after = movePhase(before, 'ph-A', 1); // B, A, C
    expect(after.timeline.phases.map((p) => p.name)).toEqual(['B', 'A', 'C']);
    for (const id of ['ph-A', 'ph-B', 'ph-C']) {
      for (const u of INSIDE) expect(level(after, at(after, id, u)), `${id} at ${u}`).toBeCloseTo(level(before, at(before, id, u))!, 3);
    }
    // The handover (half-way through B) is now half-way through B at the front: 1/6.
    expect(after.timeline.milestones[0]!.at).toBeCloseTo(1 / 6, 12);
  });
});

describe('removing a phase', () => {
  const withMore = (): Session => {
    const base = buildSession({
      phases: [['A', 1], ['B', 1], ['C', 1]],
      handoverAt: 0.5,
      people: [
        { id: 'w', team: 'sales', curve: WAVE },
        { id: 'inB', team: 'ps', curve: flat(0.5, 0.4, 0.6) },
        { id: 'inA', team: 'ps', curve: flat(0.5, 0.05, 0.3) },
      ],
    });
    return { ...base, notes: [{ id: 'n', roundId: 'r1', at: timePos(0.5), participantId: null, kind: 'event', text: 'x', author: '' }] };
  };

  it('says first what it will do: which curves are cut, which go, which notes and milestones move', () => {
    expect(describePhaseRemoval(withMore(), 'ph-B')).toEqual({ phaseName: 'B', curvesCut: 1, curvesRemoved: 1, notes: 1, milestones: ['Handover'] });
    expect(describePhaseRemoval(withMore(), 'ph-C')).toEqual({ phaseName: 'C', curvesCut: 1, curvesRemoved: 0, notes: 0, milestones: [] });
  });

  it('cuts a curve’s part in the phase out, removes a curve only in it, and keeps the rest where it was in its phase', () => {
    const before = withMore();
    const after = removePhase(before, 'ph-B');
    // A [0, .5), C [.5, 1]: the wave keeps its A and C parts; the curve only in B is gone; the one in A stays.
    expect(after.curves.map((c) => c.participantId)).toEqual(['w', 'inA']);
    for (const [id, u] of [['ph-A', 0.5], ['ph-C', 0.5], ['ph-C', 0.9]] as const) {
      expect(level(after, at(after, id, u))).toBeCloseTo(level(before, at(before, id, u))!, 3);
    }
    expect(describePhaseEdit(before, after)).toMatchObject({ curvesRemoved: 1, milestonesMoved: ['Handover'], notesMoved: 1 });
  });
});

describe('pinToPhases', () => {
  it('adds points at each phase’s edges where the curve exists, and none where one is already that close', () => {
    const phases = [{ id: 'a', name: 'A', width: 1 }, { id: 'b', name: 'B', width: 1 }];
    const pinned = pinToPhases([pt(0.1, 0.2), pt(0.9, 0.6)], phases);
    // Inside [.1, .9]: A's .498 and .499, B's .5 and .501 (A's start 0 and .001, B's .998, .999 lie outside the curve).
    expect(pinned.map((p) => p[0])).toEqual([0.1, 0.498, 0.499, 0.5, 0.501, 0.9]);
    // On the straight line from (.1, .2) to (.9, .6): y = .2 + (x − .1)/2.
    expect(pinned[3]![1]).toBeCloseTo(0.4, 9);
    expect(pinToPhases(pinned, phases)).toEqual(pinned);
  });
});
