import {
  analyseRound,
  curveFromValues,
  curvesToCsv,
  evaluateMonotone,
  isValidCurve,
  layoutPhases,
  makeGrid,
  measurePerceptionGaps,
  monotoneTangents,
  parseSessionFile,
  phaseCentres,
  resampleCurve,
  serializeSession,
  targetCurvePoints,
  type CsvTexts,
  type ParseResult,
  type Session,
} from '../../../renderer/domain';
import { buildCompareScene, REPORT_SWITCHES } from '../../../renderer/scene/compareScene';
import { findNonFinite } from './findNonFinite';

/** How a file fared: refused (with the error's kind), or accepted. */
export type Outcome = { readonly accepted: true } | { readonly accepted: false; readonly kind: string };

export interface Verdict {
  readonly outcome: Outcome | null;
  /** Empty when the file kept the promise: a typed refusal, or a session that analyses to finite numbers. */
  readonly problems: readonly string[];
}

const ERROR_KINDS = new Set(['notJson', 'notASessionFile', 'versionTooNew', 'migrationFailed', 'invalid']);

const CSV_TEXTS: CsvTexts = { scale: () => 'scale', time: 'time', timePercent: 'percent', phase: 'phase', meanOf: () => 'mean' };

/**
 * Characters XML 1.0 can't hold: the SVG export and the PNG drawn from it
 * would be malformed. (Lone surrogates can't be encoded at all.)
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The promise of issue 9 for one file: parseSessionFile never throws and
 * refuses with a typed error, or the session it accepts analyses to finite
 * numbers everywhere (every round, its compare scene, perception gaps, CSV, resampling, the
 * keyboard entry on its timeline), holds only text an SVG can carry, and
 * saves to a file that opens again as the same session.
 */
export function checkSessionFile(text: string): Verdict {
  let parsed: ParseResult;
  try {
    parsed = parseSessionFile(text);
  } catch (error) {
    return { outcome: null, problems: [`parseSessionFile threw: ${String(error)}`] };
  }
  if (!parsed.ok) {
    const problems: string[] = [];
    if (!ERROR_KINDS.has(parsed.error.kind)) problems.push(`untyped error kind ${String(parsed.error.kind)}`);
    if (parsed.error.kind === 'invalid' && (parsed.error.problems.length === 0 || parsed.error.problems.some((p) => typeof p !== 'string'))) {
      problems.push('an invalid file without problems named');
    }
    return { outcome: { accepted: false, kind: parsed.error.kind }, problems };
  }
  const problems: string[] = [];
  const attempt = (what: string, run: () => unknown) => {
    try {
      const found = findNonFinite(run());
      if (found) problems.push(`${what}: ${found}`);
    } catch (error) {
      problems.push(`${what} threw: ${String(error)}`);
    }
  };
  checkSession(parsed.session, attempt, problems);
  return { outcome: { accepted: true }, problems };
}

function checkSession(session: Session, attempt: (what: string, run: () => unknown) => void, problems: string[]): void {
  // Names neutralised for the CSV, so any "NaN" or "Infinity" left in it is a number.
  const plain = withPlainTexts(session);
  for (const round of session.rounds) {
    attempt(`analyseRound(${round.id})`, () => {
      const analysis = analyseRound(session, round.id);
      const csv = curvesToCsv(plain, round.id, analysis, CSV_TEXTS);
      if (/NaN|Infinity/.test(csv)) throw new Error(`a number in the CSV is not finite`);
      return analysis;
    });
    attempt(`measurePerceptionGaps(${round.id})`, () => measurePerceptionGaps(session, round.id));
    // What every surface (the chart, the room view, the PDF) draws from: in compare and in discuss mode.
    attempt(`buildCompareScene(${round.id})`, () => buildCompareScene(session, round.id, analyseRound));
    attempt(`buildCompareScene(${round.id}, discuss)`, () =>
      buildCompareScene(session, round.id, analyseRound, { ...REPORT_SWITCHES, mode: 'discuss' }),
    );
  }
  const grid = makeGrid(200);
  session.curves.forEach((curve, i) => {
    attempt(`curves.${i} tangents`, () => monotoneTangents(curve.points));
    attempt(`curves.${i} resampled`, () => resampleCurve(curve.points, grid));
    attempt(`curves.${i} at and between its points`, () => {
      const tangents = monotoneTangents(curve.points);
      return curve.points.flatMap(([x], k) => {
        const next = curve.points[k + 1];
        const at = evaluateMonotone(curve.points, tangents, x);
        return next ? [at, evaluateMonotone(curve.points, tangents, ((x + next[0]) / 2) as typeof x)] : [at];
      });
    });
  });
  attempt('layoutPhases', () => {
    const spans = layoutPhases(session.timeline.phases);
    if (spans.length !== session.timeline.phases.length) throw new Error('a phase has no place on the timeline');
    return spans.map((s) => [s.start, s.end]);
  });
  attempt('target curve', () => resampleCurve(targetCurvePoints(session), grid));
  attempt('keyboard entry', () => {
    // What the app would write when someone types a value per phase: it must be a curve the file accepts.
    const anchors = phaseCentres(session.timeline.phases);
    const points = curveFromValues(anchors, anchors.map((_, i) => (i % 2 === 0 ? 0 : 1)));
    if (points.length >= 2 && !isValidCurve(points)) throw new Error('the keyboard entry makes a curve the file format refuses');
    return resampleCurve(points, grid);
  });
  forEachString(session, (text, path) => {
    if (NOT_XML.test(text)) problems.push(`${path} holds a character an SVG can't: ${JSON.stringify(text.slice(0, 40))}`);
  });
  // What the app saves must open again, as the same session and without further repairs.
  const again = parseSessionFile(serializeSession(session));
  if (!again.ok) problems.push(`the saved session does not open again: ${JSON.stringify(again.error).slice(0, 300)}`);
  else if (JSON.stringify(again.session) !== JSON.stringify(session)) problems.push('the saved session opens as a different one');
  else if ('repairs' in again && Array.isArray(again.repairs) && again.repairs.length > 0) problems.push('the saved session needs repairs again');
}

function withPlainTexts(session: Session): Session {
  return {
    ...session,
    timeline: { ...session.timeline, phases: session.timeline.phases.map((p) => ({ ...p, name: 'p' })) },
    participants: session.participants.map((p) => ({ ...p, name: 'n' })),
    teams: session.teams.map((t) => ({ ...t, name: 't' })),
  };
}

function forEachString(value: unknown, visit: (text: string, path: string) => void, path = 'session'): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, visit, `${path}.${i}`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) forEachString(v, visit, `${path}.${k}`);
}
