import {
  ANALYSIS_GRID_STEPS,
  type DisagreementSpan,
  type EndVerdict,
  type Extreme,
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
  type SpreadSplit,
  type TargetComparison,
  type TeamSeries,
} from './analysisTypes';
import type { AnalysisSettings, Curve, Id, Phase, Session, Team } from './session';
import { makeGrid, resampleCurve } from './curve';
import { handoverMilestone, layoutPhases, phaseAt } from './timeline';
import { enthusiasm, timePos, type CurvePoint, type TimePos } from './units';

/**
 * The analysis of one round, computed from the session alone. Every statistic
 * works on the curves resampled on one grid; a partial curve takes part only
 * at the grid points it covers.
 *
 * Partial curves are normal (people join late, leave early), and a curve
 * starting or ending is never an event: team figures come from the members'
 * own curves (their own drops, their own changes), never from a mean whose
 * members change along the way.
 *
 * Cost: every step is linear in the number of curves (one pass over each
 * curve's 201 grid values, running sums instead of pairs), so a round of 500
 * participants takes a few milliseconds; rounds are analysed one at a time,
 * when they are shown (see analysisCache.ts).
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
export function percentileOf(sorted: ArrayLike<number>, p: number): number | null {
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

/**
 * A sampled curve's values as a Float64Array, NaN where it has no value,
 * made once per curve. The statistics below make a few passes over every
 * curve; over plain numbers in one block of memory instead of an array of
 * boxed numbers and nulls, a pass costs a fraction (and analysis time stays
 * linear in the number of curves once they outgrow the processor's cache).
 */
const dense = new WeakMap<SampledCurve, Float64Array>();
export function denseOf(c: SampledCurve): Float64Array {
  let d = dense.get(c);
  if (!d) {
    d = new Float64Array(c.values.length);
    for (let i = 0; i < d.length; i++) {
      const v = c.values[i];
      d[i] = v === null || v === undefined ? Number.NaN : v;
    }
    dense.set(c, d);
  }
  return d;
}

/** Values of the curves that exist at grid index i. */
export function valuesAt(curves: readonly SampledCurve[], i: number): number[] {
  const out: number[] = [];
  for (const c of curves) {
    const v = denseOf(c)[i]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

/** How many curves have a value at each grid point. */
export function countCurves(curves: readonly SampledCurve[], length: number): number[] {
  const count = new Array<number>(length).fill(0);
  for (const c of curves) {
    const d = denseOf(c);
    for (let i = 0; i < length; i++) if (!Number.isNaN(d[i]!)) count[i]!++;
  }
  return count;
}

/** The plain mean of the curves present at each grid point; null where none exists. */
export function meanSeries(curves: readonly SampledCurve[], length: number): Series {
  const sum = new Array<number>(length).fill(0);
  const count = new Array<number>(length).fill(0);
  for (const c of curves) {
    const d = denseOf(c);
    for (let i = 0; i < length; i++) {
      const v = d[i]!;
      if (Number.isNaN(v)) continue;
      sum[i]! += v;
      count[i]!++;
    }
  }
  return sum.map((s, i) => (count[i]! > 0 ? s / count[i]! : null));
}

/** First and last grid index with a value (a sampled curve has one contiguous span); null for none. */
export function indexSpan(values: Series): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) continue;
    if (from < 0) from = i;
    to = i;
  }
  return from < 0 ? null : { from, to };
}

function notEnough<T>(n: number, needed: number, reason?: FigureShortfall): Figure<T> {
  return reason ? { ok: false, n, needed, reason } : { ok: false, n, needed };
}

/** A time with the phase it falls in; an empty timeline gives an empty phase name. */
export function momentAt(phases: readonly Phase[], at: TimePos): Moment {
  const span = phaseAt(phases, at);
  return { at, phaseId: span?.phase.id ?? '', phaseName: span?.phase.name ?? '' };
}

/**
 * Two values closer than this (in [0, 1] units, 0.1 on the 0–10 scale the
 * figures are shown in) are the same level: a flat stretch at the peak, or of
 * the largest gap, is one plateau, named by its span.
 */
export const PLATEAU_TOLERANCE = 0.01;

/**
 * A stretch that reaches into a phase by no more than this (one step of the
 * analysis grid) only grazes it: its last grid point may lie just past a
 * phase boundary without the stretch being "in" the next phase.
 */
const GRAZE = 1 / ANALYSIS_GRID_STEPS;

/**
 * The names of the phases a stretch of the timeline runs through, first to
 * last. A phase the stretch only grazes at one end (GRAZE: a stretch that
 * ends on or just after a phase boundary touches the next phase in one grid
 * point) is left out, so a span ending where Kickoff ends is named
 * "… – Kickoff", not "… – Konzeption". A point, or a stretch inside one
 * phase, names that phase.
 */
export function phasesOfStretch(phases: readonly Phase[], start: number, end: number): string[] {
  const graze = GRAZE;
  const names = layoutPhases(phases)
    .filter((s) => Math.min(end, s.end) - Math.max(start, s.start) > graze)
    .map((s) => s.phase.name);
  if (names.length > 0) return names;
  const only = phaseAt(phases, timePos((start + end) / 2));
  return only ? [only.phase.name] : [];
}

/** The run of grid indices around `best` where `keep` holds, as far as it goes on both sides. */
function runAround(values: Series, best: number, keep: (v: number) => boolean): { from: number; to: number } {
  let from = best;
  let to = best;
  const holds = (i: number) => {
    const v = values[i];
    return v !== null && v !== undefined && keep(v);
  };
  while (from > 0 && holds(from - 1)) from--;
  while (to < values.length - 1 && holds(to + 1)) to++;
  return { from, to };
}

// ---------------------------------------------------------------------------
// Curves and teams

/**
 * Every curve of the round on the grid, in the order of the participants.
 * Curves of participants who were removed, and curves with no value on the
 * grid, take no part.
 */
export function sampleRound(session: Session, roundId: Id, grid: readonly TimePos[]): SampledCurve[] {
  // One pass over the curves: a session may hold 25 000 of them (50 rounds of 500).
  const ofRound = new Map<Id, Curve>();
  for (const c of session.curves) if (c.roundId === roundId) ofRound.set(c.participantId, c);
  const out: SampledCurve[] = [];
  for (const p of session.participants) {
    const curve = ofRound.get(p.id);
    if (!curve) continue;
    const values = resampleCurve(curve.points, grid);
    if (values.every((v) => v === null)) continue;
    out.push({ participantId: p.id, teamId: p.teamId, values });
  }
  return out;
}

/**
 * A team's line, band and counts. The band is the interquartile range of the
 * curves present (percentileOf, type 7) where at least two exist; the line
 * is linkTeamMean's.
 */
export function teamSeries(teamId: Id, curves: readonly SampledCurve[], length: number): TeamSeries {
  const own = curves.filter((c) => c.teamId === teamId);
  const count = countCurves(own, length);
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  // One buffer per number of curves present, reused at every point with that many and sorted in place (a typed
  // array sorts numerically, without a comparator): no array is allocated per grid point.
  const buffers = new Map<number, Float64Array>();
  for (let i = 0; i < length; i++) {
    const present = count[i]!;
    if (present < 2) {
      lower.push(null);
      upper.push(null);
      continue;
    }
    let vs = buffers.get(present);
    if (!vs) {
      vs = new Float64Array(present);
      buffers.set(present, vs);
    }
    let k = 0;
    for (const c of own) {
      const v = denseOf(c)[i]!;
      if (!Number.isNaN(v)) vs[k++] = v;
    }
    vs.sort();
    lower.push(percentileOf(vs, 0.25));
    upper.push(percentileOf(vs, 0.75));
  }
  const { mean, stretches } = linkTeamMean(own, count, length);
  return { teamId, n: own.length, count, mean, stretches, lower, upper };
}

/**
 * The team line: a mean that never jumps because its members changed.
 *
 * The plain mean of the curves present jumps wherever a curve starts or ends
 * (Sales A at 9.5 stops, Sales B at 4 goes on: the plain mean falls from
 * 6.75 to 4 though nobody's curve fell), and a room reads a jump as an
 * event. So the line is *linked*: from one grid point to the next it moves
 * by the mean change of the curves present at both, so a curve starting or
 * ending moves it not at all. Its level is the plain mean where the most of
 * the team's curves exist (averaged over those points), and it is drawn only
 * where at least two of the team's curves exist (a team of one: where its
 * curve is), so no stretch rests on one person of a larger team. Where no
 * curve is present on both sides of a step, the line breaks and starts
 * afresh. Clamped to [0, 1]. Where every member covers the same span, it is
 * exactly the plain mean.
 */
export function linkTeamMean(
  own: readonly SampledCurve[],
  count: readonly number[],
  length: number,
): { mean: Series; stretches: { from: number; to: number }[] } {
  const out: (number | null)[] = new Array<number | null>(length).fill(null);
  const stretches: { from: number; to: number }[] = [];
  const least = Math.min(2, own.length);
  const drawn = (i: number) => least > 0 && count[i]! >= least;
  const plain = meanSeries(own, length);
  let i = 0;
  while (i < length) {
    if (!drawn(i)) {
      i++;
      continue;
    }
    // One stretch of the line: linked levels relative to its first point.
    const start = i;
    const linked: number[] = [plain[start]!];
    let j = start + 1;
    for (; j < length && drawn(j); j++) {
      let sum = 0;
      let both = 0;
      for (const c of own) {
        const d = denseOf(c);
        const step = d[j]! - d[j - 1]!;
        // NaN where either side is missing.
        if (Number.isNaN(step)) continue;
        sum += step;
        both++;
      }
      if (both === 0) break;
      linked.push(linked[linked.length - 1]! + sum / both);
    }
    // Its level: where the most curves are, the line is their plain mean.
    let most = 0;
    for (let k = start; k < j; k++) most = Math.max(most, count[k]!);
    let offset = 0;
    let anchors = 0;
    for (let k = start; k < j; k++) {
      if (count[k] !== most) continue;
      offset += plain[k]! - linked[k - start]!;
      anchors++;
    }
    offset /= anchors;
    for (let k = start; k < j; k++) out[k] = Math.min(1, Math.max(0, linked[k - start]! + offset));
    stretches.push({ from: start, to: j - 1 });
    i = j;
  }
  return { mean: out, stretches };
}

// ---------------------------------------------------------------------------
// Gap between two series (Sales–PS, and the perception gap)

/** What the gap between two lines needs: the lines, how many curves at each point, and in all. */
export interface GapSide {
  readonly mean: Series;
  readonly count: readonly number[];
  readonly n: number;
}

/**
 * a − b where both exist; the largest absolute gap (signed, so it says who
 * was higher; the earliest on a tie) with the plateau around it and n = the
 * smaller side's curve count there; and the mean absolute gap with n = the
 * smaller side's curve count in the round. Both need one curve on each side
 * at the same time.
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
  return {
    values,
    largest: { ok: true, value: extremeAt(values, best, grid, phases), n: Math.min(a.count[best] ?? 0, b.count[best] ?? 0) },
    meanAbs: { ok: true, value: sumAbs / overlap, n },
  };
}

/** The value at `best` with the stretch around it of the same sign and within PLATEAU_TOLERANCE of its size. */
function extremeAt(values: Series, best: number, grid: readonly TimePos[], phases: readonly Phase[]): Extreme {
  const value = values[best]!;
  const run = runAround(values, best, (v) => Math.sign(v) === Math.sign(value) && Math.abs(v) >= Math.abs(value) - PLATEAU_TOLERANCE);
  return { ...momentAt(phases, grid[best]!), value, start: grid[run.from]!, end: grid[run.to]! };
}

/** The first team with a role, by the session's team order. */
export function teamWithRole(teams: readonly Team[], role: Team['role']): Team | undefined {
  return teams.find((t) => t.role === role);
}

/** Sales line minus PS line (Sales = first team with role 'sales', PS = first with 'ps'); null without both teams. */
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
 * A curve that ends inside the window is judged on what it drew there.
 */
export function measureHandoverDrop(values: Series, grid: readonly TimePos[], handoverAt: TimePos, settings: AnalysisSettings): Figure<HandoverDrop> {
  let beforeIndex = -1;
  for (let i = 0; i < grid.length && grid[i]! < handoverAt - TIME_EPSILON; i++) beforeIndex = i;
  const before = beforeIndex < 0 ? null : values[beforeIndex];
  if (before === null || before === undefined) return notEnough(0, 1);
  const windowEnd = Math.min(1, handoverAt + settings.handoverWindow) + TIME_EPSILON;
  let lowIndex = -1;
  for (let i = beforeIndex + 1; i < grid.length && grid[i]! <= windowEnd; i++) {
    const v = values[i];
    if (grid[i]! <= handoverAt + TIME_EPSILON || v === null || v === undefined) continue;
    if (lowIndex < 0 || v < values[lowIndex]!) lowIndex = i;
  }
  if (lowIndex < 0) return notEnough(0, 1);
  const low = values[lowIndex]!;
  const drop = before - low;
  const overstretched = drop > settings.dropThreshold;
  return { ok: true, value: { before, low, lowAt: grid[lowIndex]!, drop, overstretched, overstretchedCurves: overstretched ? 1 : 0 }, n: 1 };
}

/**
 * A team's drop from its members' own drops: every curve of the team that
 * exists both just before the handover and in the window after it gives its
 * drop, and the team's is their mean (before, low and where likewise), n =
 * those curves. A curve that starts after the handover or stops before it
 * takes no part, and one that stops inside the window counts with what it
 * drew there, so nobody leaving or joining makes a drop or a rise: Sales A
 * flat at 9.5 until just past the handover and Sales B flat at 4 throughout
 * drop by 0 each, and so does Sales.
 */
export function measureTeamHandoverDrop(
  teamId: Id,
  curves: readonly SampledCurve[],
  grid: readonly TimePos[],
  handoverAt: TimePos,
  settings: AnalysisSettings,
): Figure<HandoverDrop> {
  const drops: HandoverDrop[] = [];
  for (const c of curves) {
    if (c.teamId !== teamId) continue;
    const f = measureHandoverDrop(c.values, grid, handoverAt, settings);
    if (f.ok) drops.push(f.value);
  }
  if (drops.length === 0) return notEnough(0, 1);
  const mean = (pick: (d: HandoverDrop) => number) => drops.reduce((sum, d) => sum + pick(d), 0) / drops.length;
  const before = mean((d) => d.before);
  const low = mean((d) => d.low);
  const drop = before - low;
  return {
    ok: true,
    value: {
      before,
      low,
      lowAt: timePos(mean((d) => d.lowAt)),
      drop,
      overstretched: drop > settings.dropThreshold,
      overstretchedCurves: drops.filter((d) => d.overstretched).length,
    },
    n: drops.length,
  };
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

/**
 * Highest value (the earliest on a tie, with the plateau around it) and the
 * last value of the series. `lastPhaseStart`: where the timeline's last phase
 * begins; a series that ends before it did not reach the project's end and
 * gets no verdict. `counts`: curves behind each point (default 1: a person).
 */
export function measurePeakEnd(
  values: Series,
  grid: readonly TimePos[],
  n = 1,
  lastPhaseStart: number = 1,
  counts?: readonly number[],
): Figure<PeakEnd> {
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
  const plateau = runAround(values, peakIndex, (v) => v >= peak - PLATEAU_TOLERANCE);
  // Into the last phase by more than a graze (see phasesOfStretch), or to the end of the timeline.
  const endAt = grid[endIndex]!;
  const reachesEnd = endAt >= 1 - TIME_EPSILON || endAt - lastPhaseStart > GRAZE;
  return {
    ok: true,
    value: {
      peak,
      peakAt: grid[peakIndex]!,
      peakStart: grid[plateau.from]!,
      peakEnd: grid[plateau.to]!,
      end,
      endAt: grid[endIndex]!,
      reachesEnd,
      endVsPeak: end - peak,
      verdict: reachesEnd ? judgeEnd(peak, end) : null,
      peakN: counts?.[peakIndex] ?? 1,
      endN: counts?.[endIndex] ?? 1,
    },
    n,
  };
}

/** Where the timeline's last phase starts (1 for an empty timeline). */
export function lastPhaseStart(phases: readonly Phase[]): number {
  const spans = layoutPhases(phases);
  return spans[spans.length - 1]?.start ?? 1;
}

// ---------------------------------------------------------------------------
// Spread, disagreement, agreement

/** Population standard deviation of the curves present at each grid point; null where fewer than two. */
export function measureSpread(curves: readonly SampledCurve[], length: number): Series {
  const count = countCurves(curves, length);
  const mean = meanSeries(curves, length);
  const squares = new Array<number>(length).fill(0);
  for (const c of curves) {
    const d = denseOf(c);
    for (let i = 0; i < length; i++) {
      const v = d[i]!;
      if (!Number.isNaN(v)) squares[i]! += (v - mean[i]!) ** 2;
    }
  }
  return squares.map((sq, i) => (count[i]! >= 2 ? Math.sqrt(sq / count[i]!) : null));
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
  let sum = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = from; i <= to; i++) {
    sum += spread[i]!;
    fewest = Math.min(fewest, counts[i] ?? 0);
  }
  return {
    ...momentAt(phases, timePos((start + end) / 2)),
    start,
    end,
    phaseNames: phasesOfStretch(phases, start, end),
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
  const overlapping = curves.filter((c) => {
    const d = denseOf(c);
    for (let i = 0; i < d.length; i++) if (!Number.isNaN(d[i]!) && spread[i] !== null && spread[i] !== undefined) return true;
    return false;
  });
  const mean = meanOf(spread.filter((v): v is number => v !== null));
  if (mean === null || overlapping.length < 2) {
    const mostAtOnce = Math.max(0, ...countCurves(curves, spread.length));
    return notEnough(Math.max(overlapping.length, mostAtOnce), 2);
  }
  return { ok: true, value: Math.min(1, Math.max(0, 1 - mean / 0.5)), n: overlapping.length };
}

/**
 * The group's variance, split: at each grid point with two or more curves,
 * total = Σ(x − mean)² over everyone, within = Σ(x − mean of x's team)²,
 * between = total − within (the teams' means apart). Summed over the grid,
 * the shares say how much of the disagreement in the room is the teams
 * seeing it differently and how much is people within a team. Needs two
 * curves at one time and any spread at all (everyone identical: nothing to
 * split, reason 'noVariance').
 */
export function measureSpreadSplit(curves: readonly SampledCurve[], length: number): Figure<SpreadSplit> {
  const count = countCurves(curves, length);
  const mean = meanSeries(curves, length);
  const byTeam = new Map<Id, SampledCurve[]>();
  for (const c of curves) {
    const own = byTeam.get(c.teamId);
    if (own) own.push(c);
    else byTeam.set(c.teamId, [c]);
  }
  const teamMeans = [...byTeam.entries()].map(([teamId, own]) => [teamId, meanSeries(own, length)] as const);
  const meanOfTeam = new Map(teamMeans);
  let total = 0;
  let within = 0;
  const overlapping = new Set<Id>();
  for (const c of curves) {
    const own = meanOfTeam.get(c.teamId)!;
    const d = denseOf(c);
    for (let i = 0; i < length; i++) {
      const v = d[i]!;
      if (Number.isNaN(v) || count[i]! < 2) continue;
      overlapping.add(c.participantId);
      total += (v - mean[i]!) ** 2;
      within += (v - own[i]!) ** 2;
    }
  }
  if (overlapping.size < 2) return notEnough(Math.max(overlapping.size, Math.max(0, ...count)), 2);
  // Float noise below this is "everyone drew the same": no share of nothing.
  if (total < 1e-12) return notEnough(overlapping.size, 2, 'noVariance');
  const w = Math.min(1, Math.max(0, within / total));
  return { ok: true, value: { between: 1 - w, within: w }, n: overlapping.size };
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
 * Every participant against the mean of everyone else (leave-one-out, so a
 * person is not compared with a mean they pull towards themselves), over the
 * grid points where both exist. n = the other curves that overlap this one.
 * The distance is the root mean square difference; the correlation needs
 * MIN_CORRELATION_POINTS shared points and both curves to vary.
 *
 * Linear in the number of curves: the others' mean at a point is (sum − own)
 * / (count − 1) from one running sum over everyone, and the overlapping
 * others are counted from the curves' spans (each sampled curve is one
 * contiguous run), never pair by pair.
 */
export function measureFits(curves: readonly SampledCurve[]): ParticipantFit[] {
  const length = curves[0]?.values.length ?? 0;
  const sum = new Array<number>(length).fill(0);
  const count = countCurves(curves, length);
  for (const c of curves) {
    const d = denseOf(c);
    for (let i = 0; i < length; i++) {
      const v = d[i]!;
      if (!Number.isNaN(v)) sum[i]! += v;
    }
  }
  // How many spans end before index i, and start at or before it: others overlapping [from, to] =
  // (spans starting at or before `to`) − (spans ending before `from`) − the curve itself.
  const spans = curves.map((c) => indexSpan(c.values));
  const startsUpTo = new Array<number>(length + 1).fill(0);
  const endsBefore = new Array<number>(length + 1).fill(0);
  for (const s of spans) {
    if (!s) continue;
    startsUpTo[s.from]!++;
    endsBefore[s.to + 1]!++;
  }
  for (let i = 1; i <= length; i++) {
    startsUpTo[i]! += startsUpTo[i - 1]!;
    endsBefore[i]! += endsBefore[i - 1]!;
  }
  return curves.map((c, k) => {
    const span = spans[k];
    const overlapping = span ? startsUpTo[span.to]! - endsBefore[span.from]! - 1 : 0;
    // Running sums of the pairs (own value, others' mean) rather than two arrays of them: nothing allocated per
    // point, so a round of many curves does not keep the garbage collector busy.
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    let sdd = 0;
    const d = denseOf(c);
    for (let i = 0; i < length; i++) {
      const x = d[i]!;
      if (Number.isNaN(x) || count[i]! < 2) continue;
      const y = (sum[i]! - x) / (count[i]! - 1);
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      sdd += (x - y) ** 2;
    }
    return fitFromSums(c.participantId, { n, sx, sy, sxx, syy, sxy, sdd }, overlapping);
  });
}

/** The sums of a curve's pairs with the others' mean: count, Σx, Σy, Σx², Σy², Σxy and Σ(x − y)². */
interface PairSums {
  readonly n: number;
  readonly sx: number;
  readonly sy: number;
  readonly sxx: number;
  readonly syy: number;
  readonly sxy: number;
  readonly sdd: number;
}

/** Distance and correlation from the pairs' sums: RMS √(Σ(x − y)²/n), Pearson (Σxy − ΣxΣy/n)/√(…), as pearson() does. */
function fitFromSums(participantId: Id, p: PairSums, others: number): ParticipantFit {
  if (others === 0 || p.n === 0) return { participantId, distance: notEnough(0, 1), correlation: notEnough(0, 1) };
  const distance: Figure = { ok: true, value: Math.sqrt(p.sdd / p.n), n: others };
  if (p.n < MIN_CORRELATION_POINTS) return { participantId, distance, correlation: notEnough(others, 1, 'tooFewPoints') };
  const vx = p.sxx - (p.sx * p.sx) / p.n;
  const vy = p.syy - (p.sy * p.sy) / p.n;
  // As in pearson(): a flat curve has no direction to correlate with; a tiny variance is float noise.
  if (vx < 1e-12 || vy < 1e-12) return { participantId, distance, correlation: notEnough(others, 1, 'noVariance') };
  const r = Math.max(-1, Math.min(1, (p.sxy - (p.sx * p.sy) / p.n) / Math.sqrt(vx * vy)));
  return { participantId, distance, correlation: { ok: true, value: r, n: others } };
}

/** One participant's fit, against the same group as measureFits (for a single curve in a list). */
export function participantFit(curve: SampledCurve, curves: readonly SampledCurve[]): ParticipantFit {
  const fits = measureFits(curves.some((c) => c === curve) ? curves : [curve, ...curves]);
  return fits.find((f) => f.participantId === curve.participantId)!;
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

/** RMS distance of every team's line to the target, where the line exists; needs one curve. */
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
  const endFrom = lastPhaseStart(phases);
  return {
    roundId,
    grid,
    curves,
    teams,
    gap: measureGap(session.teams, teams, grid, phases),
    handover: milestone ? analyseHandover(milestone.at, curves, teams, grid, session.analysis) : null,
    peakEnd: {
      byParticipant: byParticipant(curves, (c) => measurePeakEnd(c.values, grid, 1, endFrom)),
      byTeam: Object.fromEntries(teams.map((t) => [t.teamId, t.n === 0 ? notEnough(0, 1) : measurePeakEnd(t.mean, grid, t.n, endFrom, t.count)])),
    },
    spread,
    disagreement: findDisagreementSpans(spread, countCurves(curves, grid.length), grid, phases),
    fits: measureFits(curves),
    agreement: measureAgreement(spread, curves),
    agreementByTeam: Object.fromEntries(
      teams.map((t) => {
        const own = curves.filter((c) => c.teamId === t.teamId);
        return [t.teamId, measureAgreement(measureSpread(own, grid.length), own)];
      }),
    ),
    spreadSplit: measureSpreadSplit(curves, grid.length),
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
