import {
  ANALYSIS_GRID_STEPS,
  type DisagreementSpan,
  type EndVerdict,
  type Figure,
  type FigureShortfall,
  type GapAnalysis,
  type HandoverDrop,
  type Moment,
  type ParticipantFit,
  type PeakEnd,
  type RoundAnalysis,
  type SampledCurve,
  type Series,
  type TargetComparison,
  type TeamSeries,
} from './analysisTypes';
import { findCurve, type AnalysisSettings, type Id, type Phase, type Session, type Team } from './session';
import { makeGrid, resampleCurve } from './curve';
import { handoverMilestone, phaseAt } from './timeline';
import { enthusiasm, timePos, type CurvePoint, type TimePos } from './units';

/**
 * The analysis of one round, computed from the session alone. Every statistic
 * works on the curves resampled on one grid; a partial curve takes part only
 * at the grid points it covers.
 */

/**
 * Grid times are i / 200 while milestones are stored values; this keeps a
 * handover at 0.4 that arrived as 0.39999999999999997 from counting grid
 * point 0.4 as "after" it.
 */
const TIME_EPSILON = 1e-9;

/** Spread below this (in [0, 1] units) is never called disagreement, however it ranks. */
export const MIN_DISAGREEMENT_SPREAD = 0.1;

/** A correlation over fewer grid points than this is noise, not a figure. */
export const MIN_CORRELATION_POINTS = 3;

/** Where the target curve places the handover when the timeline marks none. */
export const TARGET_DEFAULT_HANDOVER = 0.4;

// ---------------------------------------------------------------------------
// Small statistics

export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The p-th quantile (p in [0, 1]) of sorted values, by linear interpolation
 * between order statistics: h = (n − 1)·p, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * This is Hyndman & Fan's type 7, the default of numpy, R and Excel's
 * PERCENTILE.INC, so a facilitator can check a band in a spreadsheet.
 */
export function percentileOf(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Population standard deviation (divides by n): the spread of exactly these curves, not an estimate. */
export function populationSd(values: readonly number[]): number | null {
  const mean = meanOf(values);
  if (mean === null) return null;
  let sum = 0;
  for (const v of values) sum += (v - mean) ** 2;
  return Math.sqrt(sum / values.length);
}

/** Values of the curves that exist at grid index i. */
export function valuesAt(curves: readonly SampledCurve[], i: number): number[] {
  const out: number[] = [];
  for (const c of curves) {
    const v = c.values[i];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/** How many curves have a value at each grid point. */
export function countCurves(curves: readonly SampledCurve[], length: number): number[] {
  return Array.from({ length }, (_, i) => valuesAt(curves, i).length);
}

/** The mean of the curves at each grid point; null where none exists. */
export function meanSeries(curves: readonly SampledCurve[], length: number): Series {
  return Array.from({ length }, (_, i) => meanOf(valuesAt(curves, i)));
}

function notEnough<T>(n: number, needed: number, reason?: FigureShortfall): Figure<T> {
  return reason ? { ok: false, n, needed, reason } : { ok: false, n, needed };
}

/** A time with the phase it falls in; an empty timeline gives an empty phase name. */
export function momentAt(phases: readonly Phase[], at: TimePos): Moment {
  const span = phaseAt(phases, at);
  return { at, phaseId: span?.phase.id ?? '', phaseName: span?.phase.name ?? '' };
}

// ---------------------------------------------------------------------------
// Curves and teams

/**
 * Every curve of the round on the grid, in the order of the participants.
 * Curves of participants who were removed, and curves with no value on the
 * grid, take no part.
 */
export function sampleRound(session: Session, roundId: Id, grid: readonly TimePos[]): SampledCurve[] {
  const out: SampledCurve[] = [];
  for (const p of session.participants) {
    const curve = findCurve(session, p.id, roundId);
    if (!curve) continue;
    const values = resampleCurve(curve.points, grid);
    if (values.every((v) => v === null)) continue;
    out.push({ participantId: p.id, teamId: p.teamId, values });
  }
  return out;
}

/**
 * Mean, median and interquartile band of one team's curves (the band uses
 * percentileOf, type 7). The band needs two curves at a point; mean and
 * median are the value itself where only one curve exists.
 */
export function teamSeries(teamId: Id, curves: readonly SampledCurve[], length: number): TeamSeries {
  const own = curves.filter((c) => c.teamId === teamId);
  const count: number[] = [];
  const mean: (number | null)[] = [];
  const median: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    const vs = valuesAt(own, i).sort((a, b) => a - b);
    count.push(vs.length);
    mean.push(meanOf(vs));
    median.push(percentileOf(vs, 0.5));
    lower.push(vs.length >= 2 ? percentileOf(vs, 0.25) : null);
    upper.push(vs.length >= 2 ? percentileOf(vs, 0.75) : null);
  }
  return { teamId, n: own.length, count, mean, median, lower, upper };
}

// ---------------------------------------------------------------------------
// Gap between two series (Sales–PS, and the perception gap)

/** What the gap between two means needs: the means, how many curves at each point, and in all. */
export interface GapSide {
  readonly mean: Series;
  readonly count: readonly number[];
  readonly n: number;
}

/**
 * a − b where both exist; the largest absolute gap (signed, so it says who
 * was higher; the earliest on a tie) with n = the smaller side's curve count
 * there; and the mean absolute gap with n = the smaller side's curve count
 * in the round. Both need one curve on each side at the same time.
 */
export function compareSeries(
  a: GapSide,
  b: GapSide,
  grid: readonly TimePos[],
  phases: readonly Phase[],
): Pick<GapAnalysis, 'values' | 'largest' | 'meanAbs'> {
  const values: (number | null)[] = grid.map((_, i) => {
    const va = a.mean[i];
    const vb = b.mean[i];
    return va === null || va === undefined || vb === null || vb === undefined ? null : va - vb;
  });
  let best = -1;
  let sumAbs = 0;
  let overlap = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    overlap++;
    sumAbs += Math.abs(v);
    if (best < 0 || Math.abs(v) > Math.abs(values[best]!)) best = i;
  });
  const n = Math.min(a.n, b.n);
  if (best < 0) return { values, largest: notEnough(0, 1), meanAbs: notEnough(0, 1) };
  const at = grid[best]!;
  return {
    values,
    largest: {
      ok: true,
      value: { ...momentAt(phases, at), value: values[best]! },
      n: Math.min(a.count[best] ?? 0, b.count[best] ?? 0),
    },
    meanAbs: { ok: true, value: sumAbs / overlap, n },
  };
}

/** The first team with a role, by the session's team order. */
export function teamWithRole(teams: readonly Team[], role: Team['role']): Team | undefined {
  return teams.find((t) => t.role === role);
}

/** Sales mean minus PS mean (Sales = first team with role 'sales', PS = first with 'ps'); null without both teams. */
export function measureGap(
  sessionTeams: readonly Team[],
  series: readonly TeamSeries[],
  grid: readonly TimePos[],
  phases: readonly Phase[],
): GapAnalysis | null {
  const sales = teamWithRole(sessionTeams, 'sales');
  const ps = teamWithRole(sessionTeams, 'ps');
  const a = series.find((s) => s.teamId === sales?.id);
  const b = series.find((s) => s.teamId === ps?.id);
  if (!sales || !ps || !a || !b) return null;
  return { teamA: sales.id, teamB: ps.id, ...compareSeries(a, b, grid, phases) };
}

// ---------------------------------------------------------------------------
// Handover drop

/**
 * The level just before the handover against the lowest level in the window
 * after it.
 *
 * "Just before" is the value at the last grid point strictly before the
 * handover: a step drawn right at the handover then counts in full as the
 * drop, whichever side of the handover its corner point sits on. The window
 * is (handoverAt, handoverAt + handoverWindow], clipped to the timeline; the
 * low is its minimum (the earliest on a tie). A series with no value just
 * before the handover, or none in the window, has no drop: ok false, n 0.
 * `n` is how many curves a series rests on (1 for a participant).
 */
export function measureHandoverDrop(
  values: Series,
  grid: readonly TimePos[],
  handoverAt: TimePos,
  settings: AnalysisSettings,
  n = 1,
): Figure<HandoverDrop> {
  let beforeIndex = -1;
  for (let i = 0; i < grid.length && grid[i]! < handoverAt - TIME_EPSILON; i++) beforeIndex = i;
  const before = beforeIndex >= 0 ? values[beforeIndex] : null;
  if (before === null || before === undefined) return notEnough(0, 1);
  const windowEnd = handoverAt + settings.handoverWindow + TIME_EPSILON;
  let lowIndex = -1;
  for (let i = beforeIndex + 1; i < grid.length && grid[i]! <= windowEnd; i++) {
    const v = values[i];
    if (grid[i]! <= handoverAt + TIME_EPSILON || v === null || v === undefined) continue;
    if (lowIndex < 0 || v < values[lowIndex]!) lowIndex = i;
  }
  if (lowIndex < 0) return notEnough(0, 1);
  const low = values[lowIndex]!;
  const drop = before - low;
  return {
    ok: true,
    value: { before, low, lowAt: grid[lowIndex]!, drop, overstretched: drop > settings.dropThreshold },
    n,
  };
}

/**
 * A team's drop, measured on the mean of the team's curves that exist on
 * both sides of the handover (n = those curves). Averaging only these keeps
 * someone who joined at kickoff from making a drop or rise out of who was
 * in the room: the plain team mean changes its members at the handover.
 */
export function measureTeamHandoverDrop(
  teamId: Id,
  curves: readonly SampledCurve[],
  grid: readonly TimePos[],
  handoverAt: TimePos,
  settings: AnalysisSettings,
): Figure<HandoverDrop> {
  const spanning = curves.filter((c) => c.teamId === teamId && measureHandoverDrop(c.values, grid, handoverAt, settings).ok);
  if (spanning.length === 0) return notEnough(0, 1);
  return measureHandoverDrop(meanSeries(spanning, grid.length), grid, handoverAt, settings, spanning.length);
}

// ---------------------------------------------------------------------------
// Peak and end

/** Within this of the peak, the end counts as the peak. */
export const PEAK_TOLERANCE = 0.05;

/**
 * The scale in thirds: below 1/3 disappointed, up to 2/3 satisfied, above
 * thrilled. A curve that ends in the middle third is "satisfied, not
 * thrilled" whether or not it was higher before: the method wants the peak
 * at the end, and a satisfied end is not one.
 */
export function judgeEnd(peak: number, end: number): EndVerdict {
  if (end < 1 / 3) return 'disappointed';
  if (end < 2 / 3) return 'satisfiedNotThrilled';
  return end >= peak - PEAK_TOLERANCE ? 'peakAtEnd' : 'belowPeak';
}

/** Highest value (the earliest on a tie) and the last value of the series' span. */
export function measurePeakEnd(values: Series, grid: readonly TimePos[], n = 1): Figure<PeakEnd> {
  let peakIndex = -1;
  let endIndex = -1;
  values.forEach((v, i) => {
    if (v === null) return;
    if (peakIndex < 0 || v > values[peakIndex]!) peakIndex = i;
    endIndex = i;
  });
  if (peakIndex < 0) return notEnough(0, 1);
  const peak = values[peakIndex]!;
  const end = values[endIndex]!;
  return {
    ok: true,
    value: { peak, peakAt: grid[peakIndex]!, end, endAt: grid[endIndex]!, endVsPeak: end - peak, verdict: judgeEnd(peak, end) },
    n,
  };
}

// ---------------------------------------------------------------------------
// Spread, disagreement, agreement

/** Population standard deviation of the curves present at each grid point; null where fewer than two. */
export function measureSpread(curves: readonly SampledCurve[], length: number): Series {
  return Array.from({ length }, (_, i) => {
    const vs = valuesAt(curves, i);
    return vs.length >= 2 ? populationSd(vs) : null;
  });
}

/**
 * What counts as disagreement in this round: the upper quartile of the
 * spread (75th percentile, type 7), but never less than
 * MIN_DISAGREEMENT_SPREAD, so a round where everyone roughly agrees shows no
 * spans. Relative, because the question is where the group differs *most*.
 */
export function disagreementThreshold(spread: Series): number | null {
  const vs = spread.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const p75 = percentileOf(vs, 0.75);
  return p75 === null ? null : Math.max(p75, MIN_DISAGREEMENT_SPREAD);
}

/**
 * The contiguous runs of grid points with spread at or above the threshold,
 * ranked by their mean spread (the earlier first on a tie), at most `max`.
 * Each is named by the phase that holds its midpoint and lists every phase
 * it touches; n is the fewest curves present anywhere in it.
 */
export function findDisagreementSpans(
  spread: Series,
  counts: readonly number[],
  grid: readonly TimePos[],
  phases: readonly Phase[],
  max = 3,
): DisagreementSpan[] {
  const threshold = disagreementThreshold(spread);
  if (threshold === null) return [];
  const runs: { from: number; to: number }[] = [];
  spread.forEach((v, i) => {
    if (v === null || v < threshold) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  });
  const spans = runs.map((r) => describeSpan(r.from, r.to, spread, counts, grid, phases));
  return spans.sort((a, b) => b.spread - a.spread).slice(0, max);
}

function describeSpan(
  from: number,
  to: number,
  spread: Series,
  counts: readonly number[],
  grid: readonly TimePos[],
  phases: readonly Phase[],
): DisagreementSpan {
  const start = grid[from]!;
  const end = grid[to]!;
  const phaseNames: string[] = [];
  let sum = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = from; i <= to; i++) {
    sum += spread[i]!;
    fewest = Math.min(fewest, counts[i] ?? 0);
    const name = phaseAt(phases, grid[i]!)?.phase.name;
    if (name !== undefined && phaseNames[phaseNames.length - 1] !== name) phaseNames.push(name);
  }
  return {
    ...momentAt(phases, timePos((start + end) / 2)),
    start,
    end,
    phaseNames,
    spread: sum / (to - from + 1),
    n: fewest,
  };
}

/**
 * The largest population standard deviation of values in [0, 1] is 0.5 (half
 * the curves at 0, half at 1), so 1 − mean spread / 0.5 runs from 0 (split
 * down the middle) to 1 (everyone drew the same); the mean runs over the
 * grid points with a spread. n = the curves that share a grid point with
 * another curve; without any, the most curves present at one time (a single
 * curve: 1). Needs two.
 */
export function measureAgreement(spread: Series, curves: readonly SampledCurve[]): Figure {
  const overlapping = curves.filter((c) => c.values.some((v, i) => v !== null && spread[i] !== null && spread[i] !== undefined));
  const mean = meanOf(spread.filter((v): v is number => v !== null));
  if (mean === null || overlapping.length < 2) {
    const mostAtOnce = Math.max(0, ...countCurves(curves, spread.length));
    return notEnough(Math.max(overlapping.length, mostAtOnce), 2);
  }
  return { ok: true, value: Math.min(1, Math.max(0, 1 - mean / 0.5)), n: overlapping.length };
}

// ---------------------------------------------------------------------------
// Each participant against the group

/** Pearson correlation of paired values; null when either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = meanOf(xs);
  const my = meanOf(ys);
  if (mx === null || my === null) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A flat curve has no direction to correlate with; a tiny variance is float noise from resampling.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * A participant against the mean of everyone else (leave-one-out, so a
 * person is not compared with a mean they pull towards themselves), over the
 * grid points where both exist. n = the other curves that overlap this one.
 * The distance is the root mean square difference; the correlation needs
 * MIN_CORRELATION_POINTS shared points and both curves to vary.
 */
export function participantFit(curve: SampledCurve, curves: readonly SampledCurve[]): ParticipantFit {
  const others = curves.filter((c) => c.participantId !== curve.participantId);
  const overlaps = (c: SampledCurve) => c.values.some((v, i) => v !== null && curve.values[i] !== null);
  const n = others.filter(overlaps).length;
  const rest = meanSeries(others, curve.values.length);
  const own: number[] = [];
  const group: number[] = [];
  curve.values.forEach((v, i) => {
    const g = rest[i];
    if (v !== null && g !== null && g !== undefined) {
      own.push(v);
      group.push(g);
    }
  });
  if (n === 0) return { participantId: curve.participantId, distance: notEnough(0, 1), correlation: notEnough(0, 1) };
  const distance: Figure = { ok: true, value: Math.sqrt(meanOf(own.map((v, i) => (v - group[i]!) ** 2))!), n };
  return { participantId: curve.participantId, distance, correlation: correlate(own, group, n) };
}

function correlate(own: readonly number[], group: readonly number[], n: number): Figure {
  if (own.length < MIN_CORRELATION_POINTS) return notEnough(n, 1, 'tooFewPoints');
  const r = pearson(own, group);
  return r === null ? notEnough(n, 1, 'noVariance') : { ok: true, value: r, n };
}

// ---------------------------------------------------------------------------
// Target curve

/**
 * The method's reference curve as points: the start level at 0, the
 * handover level at the handover (TARGET_DEFAULT_HANDOVER without one) and
 * the end level at 1. Through these, the monotone interpolation rises gently
 * and never overshoots, so the peak is at the end whenever the levels rise.
 * A handover at the very start or end of the timeline has no room of its
 * own: the curve then runs straight from start to end.
 */
export function targetCurvePoints(session: Session): CurvePoint[] {
  const { start, handover, end } = session.target;
  const at = handoverMilestone(session.timeline)?.at ?? TARGET_DEFAULT_HANDOVER;
  const first: CurvePoint = [timePos(0), enthusiasm(start)];
  const last: CurvePoint = [timePos(1), enthusiasm(end)];
  if (at <= TIME_EPSILON || at >= 1 - TIME_EPSILON) return [first, last];
  return [first, [timePos(at), enthusiasm(handover)], last];
}

/** RMS distance of every team's mean to the target, where the mean exists; needs one curve. */
export function compareToTarget(session: Session, series: readonly TeamSeries[], grid: readonly TimePos[]): TargetComparison {
  const values = resampleCurve(targetCurvePoints(session), grid);
  const distanceByTeam: Record<Id, Figure> = {};
  for (const team of session.teams) {
    const s = series.find((t) => t.teamId === team.id);
    const squares: number[] = [];
    s?.mean.forEach((m, i) => {
      const t = values[i];
      if (m !== null && t !== null && t !== undefined) squares.push((m - t) ** 2);
    });
    const ms = meanOf(squares);
    distanceByTeam[team.id] = ms === null || !s ? notEnough(s?.n ?? 0, 1) : { ok: true, value: Math.sqrt(ms), n: s.n };
  }
  return { values, distanceByTeam };
}

// ---------------------------------------------------------------------------
// The round

export function analyseRound(session: Session, roundId: Id): RoundAnalysis {
  const grid = makeGrid(ANALYSIS_GRID_STEPS);
  const phases = session.timeline.phases;
  const curves = sampleRound(session, roundId, grid);
  const teams = session.teams.map((t) => teamSeries(t.id, curves, grid.length));
  const spread = measureSpread(curves, grid.length);
  const milestone = handoverMilestone(session.timeline);
  return {
    roundId,
    grid,
    curves,
    teams,
    gap: measureGap(session.teams, teams, grid, phases),
    handover: milestone ? analyseHandover(milestone.at, curves, teams, grid, session.analysis) : null,
    peakEnd: {
      byParticipant: byParticipant(curves, (c) => measurePeakEnd(c.values, grid)),
      byTeam: Object.fromEntries(teams.map((t) => [t.teamId, t.n === 0 ? notEnough(0, 1) : measurePeakEnd(t.mean, grid, t.n)])),
    },
    spread,
    disagreement: findDisagreementSpans(spread, countCurves(curves, grid.length), grid, phases),
    fits: curves.map((c) => participantFit(c, curves)),
    agreement: measureAgreement(spread, curves),
    target: compareToTarget(session, teams, grid),
  };
}

function analyseHandover(
  at: TimePos,
  curves: readonly SampledCurve[],
  teams: readonly TeamSeries[],
  grid: readonly TimePos[],
  settings: AnalysisSettings,
): NonNullable<RoundAnalysis['handover']> {
  return {
    at,
    byParticipant: byParticipant(curves, (c) => measureHandoverDrop(c.values, grid, at, settings)),
    byTeam: Object.fromEntries(teams.map((t) => [t.teamId, measureTeamHandoverDrop(t.teamId, curves, grid, at, settings)])),
  };
}

function byParticipant<T>(curves: readonly SampledCurve[], measure: (c: SampledCurve) => T): Record<Id, T> {
  return Object.fromEntries(curves.map((c) => [c.participantId, measure(c)]));
}
