import { describe, expect, it } from 'vitest';
import {
  analyseRound,
  createSession,
  isValidCurve,
  layoutPhases,
  makeGrid,
  mergeClosePoints,
  MIN_POINT_GAP,
  monotoneTangents,
  parseSessionFile,
  phaseCentres,
  removeUnsafeCharacters,
  resampleCurve,
  resizePhase,
  serializeSession,
  SESSION_LIMITS,
  type CurvePoint,
  type ParseResult,
  type Session,
} from '../../renderer/domain';
import { buildSession, line } from './sessionBuilder';
import { findNonFinite } from './fuzz/findNonFinite';

/**
 * Issue 9, "no file the app accepts can break it": each hole the audit (or
 * the fuzz test) found, by hand. Curves here are written as raw numbers on
 * purpose: a file holds whatever someone put in it.
 */

const raw = (points: number[][]): CurvePoint[] => points as unknown as CurvePoint[];

/** The file's JSON as an editor sees it: anything may be changed. */
type Editable<T> = { -readonly [K in keyof T]: Editable<T[K]> };

/** A session with Anna (Sales) and Ben (PS), as a file text after `edit`. */
function fileWith(edit: (doc: { session: Editable<Session> }) => void): string {
  const session = buildSession({
    people: [
      { id: 'pt_anna', name: 'Anna', team: 'sales', curve: line(0, 0.8, 1, 0.4) },
      { id: 'pt_ben', name: 'Ben', team: 'ps', curve: line(0, 0.3, 1, 0.7) },
    ],
  });
  const doc = JSON.parse(serializeSession(session));
  edit(doc);
  return JSON.stringify(doc);
}

function accepted(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result;
}

function problemsOf(result: ParseResult): string[] {
  if (result.ok || result.error.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(result).slice(0, 200)}`);
  return result.error.problems;
}

describe('the curve maths on points a denormal apart (the audit case)', () => {
  const audit = raw([[0, 1], [1e-310, 0], [0.5, 0.5]]);

  it('computes finite tangents', () => {
    // Before: 3 · (−1 / 1e-310) overflowed to −Infinity at the first point.
    expect(monotoneTangents(audit).every(Number.isFinite)).toBe(true);
  });

  it('resamples to the values of the monotone cubic through the two real segments', () => {
    const values = resampleCurve(audit, makeGrid(4));
    // At 0 the first point itself. Beyond the sliver, the segment (≈0, 0)–(0.5, 0.5) with tangent 0 at its
    // start (the slopes either side differ in sign) and 1.5 at its end ((3 · 1 − 0) / 2):
    // at t = 0.5: (−2t³ + 3t²) · 0.5 + (t³ − t²) · 0.5 · 1.5 = 0.25 − 0.09375 = 0.15625.
    expect(values[0]).toBe(1);
    expect(values[1]).toBeCloseTo(0.15625, 12);
    expect(values[2]).toBeCloseTo(0.5, 12);
    expect(values[3]).toBeNull();
  });

  it('stays finite on a zero-width step', () => {
    const step = raw([[0, 0], [0.5, 0], [0.5, 1], [1, 1]]);
    expect(findNonFinite(resampleCurve(step, makeGrid(8)))).toBeNull();
  });
});

describe('parseSessionFile mends curves with points at (almost) one time', () => {
  it('opens the audit file with the close points merged, says so, and analyses to finite numbers', () => {
    const result = accepted(
      parseSessionFile(
        fileWith((doc) => {
          (doc.session.curves[0] as { points: unknown }).points = [[0, 1], [1e-310, 0], [0.5, 0.5]];
        }),
      ),
    );
    expect(result.repairs).toEqual([{ kind: 'pointsMerged', participantName: 'Anna', round: null, merged: 1 }]);
    // The later point's value, the span's start time.
    expect(result.session.curves[0]!.points).toEqual([[0, 0], [0.5, 0.5]]);
    const analysis = analyseRound(result.session, result.session.rounds[0]!.id);
    expect(findNonFinite(analysis)).toBeNull();
  });

  it('merges points at exactly one time, keeping the end of the span', () => {
    const result = accepted(
      parseSessionFile(
        fileWith((doc) => {
          (doc.session.curves[1] as { points: unknown }).points = [[0, 0.2], [0.6, 0.4], [1 - 1e-12, 0.5], [1, 0.9]];
          (doc.session.curves[0] as { points: unknown }).points = [[0.2, 0.1], [0.2, 0.3], [0.7, 0.5]];
        }),
      ),
    );
    expect(result.session.curves[0]!.points).toEqual([[0.2, 0.3], [0.7, 0.5]]);
    expect(result.session.curves[1]!.points).toEqual([[0, 0.2], [0.6, 0.4], [1, 0.9]]);
    expect(result.repairs).toEqual([
      { kind: 'pointsMerged', participantName: 'Anna', round: null, merged: 1 },
      { kind: 'pointsMerged', participantName: 'Ben', round: null, merged: 1 },
    ]);
  });

  it('leaves out a curve whose points are all at one moment, and says whose', () => {
    const result = accepted(
      parseSessionFile(
        fileWith((doc) => {
          (doc.session.curves[0] as { points: unknown }).points = [[0.3, 0.1], [0.3, 0.9]];
          doc.session.rounds.push({ id: 'r2', kind: 'custom', question: 'q' });
        }),
      ),
    );
    expect(result.session.curves.map((c) => c.participantId)).toEqual(['pt_ben']);
    expect(result.repairs).toEqual([{ kind: 'curveRemoved', participantName: 'Anna', round: 1 }]);
  });

  it('still refuses points that go back in time', () => {
    const problems = problemsOf(
      parseSessionFile(
        fileWith((doc) => {
          (doc.session.curves[0] as { points: unknown }).points = [[0.5, 0.5], [0.5 - 1e-12, 0.5], [0.9, 0.1]];
        }),
      ),
    );
    expect(problems).toEqual(['curves.0.points: need two or more points in increasing time']);
  });

  it('saves a mended session that opens again unchanged and without repairs', () => {
    const first = accepted(
      parseSessionFile(
        fileWith((doc) => {
          (doc.session.curves[0] as { points: unknown }).points = [[0, 1], [5e-324, 0], [0.5, 0.5], [0.5 + 1e-10, 0.2]];
        }),
      ),
    );
    const again = accepted(parseSessionFile(serializeSession(first.session)));
    expect(again.repairs).toEqual([]);
    expect(again.session).toEqual(first.session);
  });
});

describe('mergeClosePoints', () => {
  it('returns the same points when none are closer than MIN_POINT_GAP', () => {
    const points = raw([[0, 0], [MIN_POINT_GAP, 1], [1, 0]]);
    expect(mergeClosePoints(points)).toEqual({ points, merged: 0 });
  });

  it('merges a run into one point: the later value, the first time, the last time at the end', () => {
    const points = raw([[0, 0.1], [1e-12, 0.2], [2e-12, 0.3], [0.5, 0.5], [1 - 1e-10, 0.6], [1, 0.7]]);
    expect(mergeClosePoints(points)).toEqual({ points: [[0, 0.3], [0.5, 0.5], [1, 0.7]], merged: 3 });
  });
});

describe('parseSessionFile mends texts an SVG cannot hold', () => {
  it('removes control characters and broken surrogate pairs, counts them, and keeps real emoji', () => {
    const result = accepted(
      parseSessionFile(
        fileWith((doc) => {
          doc.session.participants[0] = { ...doc.session.participants[0]!, name: 'An\u0000na\u0007' };
          doc.session.project = { ...doc.session.project, name: 'Atlas \ud83d 🚀\ufffe' };
        }),
      ),
    );
    expect(result.session.participants[0]!.name).toBe('Anna');
    expect(result.session.project.name).toBe('Atlas  🚀');
    expect(result.repairs).toEqual([{ kind: 'charactersRemoved', count: 4 }]);
  });

  it('keeps tabs and line breaks, which notes use', () => {
    expect(removeUnsafeCharacters('a\tb\r\nc')).toEqual({ text: 'a\tb\r\nc', removed: 0 });
  });
});

describe('parseSessionFile mends phases too narrow to draw in', () => {
  it('widens them to the smallest width, so typed values never land on one time', () => {
    const text = fileWith((doc) => {
      doc.session.timeline.phases = [
        { id: 'ph_a', name: 'A', width: 5e-324 },
        { id: 'ph_b', name: 'B', width: 1e-300 },
        { id: 'ph_c', name: 'C', width: 1000 },
      ];
    });
    const result = accepted(parseSessionFile(text));
    expect(result.session.timeline.phases.map((p) => p.width)).toEqual([0.01, 0.01, 1000]);
    expect(result.repairs).toEqual([{ kind: 'phasesWidened', phaseNames: ['A', 'B'] }]);
    const [a, b] = phaseCentres(result.session.timeline.phases);
    expect(b! - a!).toBeGreaterThanOrEqual(MIN_POINT_GAP);
  });

  it('still refuses a width past the largest', () => {
    const problems = problemsOf(
      parseSessionFile(
        fileWith((doc) => {
          doc.session.timeline.phases = [{ id: 'ph_a', name: 'A', width: SESSION_LIMITS.phaseWidth.max * 1.0001 }];
        }),
      ),
    );
    expect(problems[0]).toMatch(/^session\.timeline\.phases\.0\.width/);
  });

  it('keeps the editor inside the same limits (resizePhase)', () => {
    const s = createSession('en');
    const id = s.timeline.phases[0]!.id;
    expect(resizePhase(s, id, 1e-300).timeline.phases[0]!.width).toBe(SESSION_LIMITS.phaseWidth.min);
    expect(resizePhase(s, id, 5000).timeline.phases[0]!.width).toBe(SESSION_LIMITS.phaseWidth.max);
  });

  it('lays out the narrowest phases the limits allow with distinct centres', () => {
    const phases = Array.from({ length: SESSION_LIMITS.phases }, (_, i) => ({
      id: `ph_${i}`,
      name: `P${i}`,
      width: i < 2 ? SESSION_LIMITS.phaseWidth.min : SESSION_LIMITS.phaseWidth.max,
    }));
    const [a, b] = phaseCentres(phases);
    expect(b! - a!).toBeGreaterThanOrEqual(MIN_POINT_GAP);
    expect(layoutPhases(phases)[0]!.end).toBeGreaterThan(0);
  });
});

describe('parseSessionFile refuses ids the app could misread', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses the reserved id %s, even when every reference agrees', (reserved) => {
    const text = fileWith(() => {}).replaceAll('"pt_anna"', JSON.stringify(reserved));
    expect(problemsOf(parseSessionFile(text))).toContain('session.participants.0.id: is a reserved name');
  });

  it('refuses an id with control characters', () => {
    const text = fileWith(() => {}).replaceAll('"pt_anna"', '"pt_\\u0000"');
    expect(problemsOf(parseSessionFile(text))).toContain('session.participants.0.id: holds control characters');
  });

  it('refuses one id for a team and a participant', () => {
    const text = fileWith(() => {}).replaceAll('"pt_anna"', '"t-ps"');
    expect(problemsOf(parseSessionFile(text))).toContain('participants.0.id: "t-ps" is also the id of teams.1');
  });

  it('refuses curves of people and rounds that are not in the file', () => {
    const problems = problemsOf(
      parseSessionFile(
        fileWith((doc) => {
          doc.session.participants = doc.session.participants.filter((p) => p.id !== 'pt_anna');
          (doc.session.curves[1] as { roundId: string }).roundId = 'r_gone';
        }),
      ),
    );
    expect(problems).toEqual(['curves.0.participantId: no participant "pt_anna"', 'curves.1.roundId: no round "r_gone"']);
  });
});

describe('what the app writes, it opens', () => {
  it('a stored curve needs its points MIN_POINT_GAP apart', () => {
    expect(isValidCurve(raw([[0, 0], [MIN_POINT_GAP, 1]]))).toBe(true);
    expect(isValidCurve(raw([[0, 0], [MIN_POINT_GAP / 2, 1]]))).toBe(false);
  });

  it('squeezing a phase to the narrowest width merges the points it brings too close', () => {
    // 100 points 1e-5 apart in phase A (half the timeline); A then shrinks to 1e-5 of the timeline, so they
    // would be 2e-10 apart: closer than a file may hold them.
    const points = raw(Array.from({ length: 100 }, (_, i) => [0.1 + i * 1e-5, (i % 2) * 0.5]).concat([[0.9, 0.5]]));
    let s: Session = buildSession({ people: [{ id: 'pt_a', team: 'sales', curve: points }] });
    s = resizePhase(s, 'ph-B', SESSION_LIMITS.phaseWidth.max);
    s = resizePhase(s, 'ph-A', SESSION_LIMITS.phaseWidth.min);
    const squeezed = s.curves[0]!.points;
    expect(squeezed.length).toBeLessThan(points.length);
    expect(isValidCurve(squeezed)).toBe(true);
    expect(accepted(parseSessionFile(serializeSession(s))).repairs).toEqual([]);
  });
});

describe('the edges of what a file may hold', () => {
  it('a handover at exactly 0 or 1 and curves touching both ends analyse to finite numbers', () => {
    for (const at of [0, 1]) {
      const result = accepted(
        parseSessionFile(
          fileWith((doc) => {
            doc.session.timeline.milestones[0]!.at = at as never;
            (doc.session.curves[0] as { points: unknown }).points = [[0, 0], [1, 1]];
            (doc.session.curves[1] as { points: unknown }).points = [[0, 1], [0.5, 0], [1, 1]];
          }),
        ),
      );
      const analysis = analyseRound(result.session, 'r1');
      expect(findNonFinite(analysis)).toBeNull();
      // No room before (at 0) or after (at 1) the handover: no drop, rather than an invented one.
      expect(analysis.handover?.byParticipant['pt_anna']?.ok).toBe(false);
    }
  });

  it('refuses a milestone or a point outside the timeline', () => {
    const outside = (edit: (doc: { session: Editable<Session> }) => void) => problemsOf(parseSessionFile(fileWith(edit)))[0];
    expect(outside((doc) => void (doc.session.timeline.milestones[0]!.at = (1 + 1e-15) as never))).toMatch(/^session\.timeline\.milestones\.0\.at/);
    expect(outside((doc) => void ((doc.session.curves[0] as { points: unknown }).points = [[-1e-300, 0], [1, 1]]))).toMatch(/^session\.curves\.0\.points\.0\.0/);
    // 1e999 is how JSON writes Infinity; JSON.parse reads it as Infinity, which no number field takes.
    const text = fileWith(() => {}).replace('"handoverWindow":0.2', '"handoverWindow":1e999');
    expect(problemsOf(parseSessionFile(text))[0]).toMatch(/^session\.analysis\.handoverWindow/);
  });

  // Seconds with an analysis quadratic in the curves (main before issue 7's rewrite); the timeout only stops a hang.
  it('the most participants a round may hold analyse to finite numbers', { timeout: 60_000 }, () => {
    const people = Array.from({ length: SESSION_LIMITS.participants }, (_, i) => ({
      id: `pt_${i}`,
      team: (['sales', 'ps', 'customer', 'other'] as const)[i % 4]!,
      curve: raw([[(i % 7) / 100, (i % 11) / 10], [0.5 + (i % 5) / 100, (i % 3) / 2], [1 - (i % 2) / 100, 1 - (i % 11) / 10]]),
    }));
    const built = buildSession({ people });
    const session = { ...built, participants: built.participants.map((p) => ({ ...p, color: '#0072B2' })) };
    const result = accepted(parseSessionFile(serializeSession(session)));
    expect(result.session.participants).toHaveLength(SESSION_LIMITS.participants);
    expect(findNonFinite(analyseRound(result.session, 'r1'))).toBeNull();
  });
});
