import type { Id } from './session';
import type { TimePos } from './units';

/**
 * What the analysis of one round says, as data. The functions that compute
 * it live in analysis.ts; the compare view and the report only read this.
 *
 * Every figure says how many curves it rests on. A figure that needs more
 * curves than there are is `{ ok: false }` rather than a made-up number.
 */

/** Resolution of the analysis grid: values at 0, 1/200, …, 1. */
export const ANALYSIS_GRID_STEPS = 200;

export type Figure<T = number> =
  | { readonly ok: true; readonly value: T; readonly n: number }
  | { readonly ok: false; readonly n: number; readonly needed: number; readonly reason?: FigureShortfall };

/**
 * Why a figure has no value when there are enough curves: the curves overlap
 * in too few grid points, or one of them is flat (a correlation with a
 * constant curve is undefined). Absent means too few curves (n < needed).
 */
export type FigureShortfall = 'tooFewPoints' | 'noVariance';

/** A series along the grid; null where it has no value (no curve there, or too few). */
export type Series = readonly (number | null)[];

/** A moment on the timeline with the phase it falls in, for sentences like "largest in Umsetzung". */
export interface Moment {
  readonly at: TimePos;
  readonly phaseId: Id;
  readonly phaseName: string;
}

export interface SampledCurve {
  readonly participantId: Id;
  readonly teamId: Id;
  readonly values: Series;
}

export interface TeamSeries {
  readonly teamId: Id;
  /** Curves of this team in the round. */
  readonly n: number;
  /** Curves with a value at each grid point. */
  readonly count: readonly number[];
  /** null where no curve has a value. */
  readonly mean: Series;
  readonly median: Series;
  /** Spread band: interquartile range (25th–75th percentile); null where fewer than two curves. */
  readonly lower: Series;
  readonly upper: Series;
}

export interface GapAnalysis {
  /** The team whose mean is the minuend (Sales) and the subtrahend (PS). */
  readonly teamA: Id;
  readonly teamB: Id;
  /** mean(A) − mean(B); null where either team has no curve. */
  readonly values: Series;
  /** Largest absolute gap; n = smaller of the two teams' curve counts there. Needs one curve per side. */
  readonly largest: Figure<Moment & { readonly value: number }>;
  /** Mean absolute gap over the grid points where both teams have values. */
  readonly meanAbs: Figure;
}

export interface HandoverDrop {
  /** Level just before the handover. */
  readonly before: number;
  /** Lowest level within the window after the handover, and where. */
  readonly low: number;
  readonly lowAt: TimePos;
  /** before − low; positive is a drop. */
  readonly drop: number;
  /** The drop passes the session's threshold. */
  readonly overstretched: boolean;
}

export type EndVerdict =
  /** The curve ends at (or within 0.05 of) its peak, and the end is in the upper third. */
  | 'peakAtEnd'
  /** Ends in the middle band (satisfied), usually after a higher peak: "satisfied, not thrilled". */
  | 'satisfiedNotThrilled'
  /** Ends below the middle band. */
  | 'disappointed'
  /** Ends high but clearly below an earlier peak. */
  | 'belowPeak';

export interface PeakEnd {
  readonly peak: number;
  readonly peakAt: TimePos;
  readonly end: number;
  readonly endAt: TimePos;
  /** end − peak (≤ 0). */
  readonly endVsPeak: number;
  readonly verdict: EndVerdict;
}

export interface DisagreementSpan extends Moment {
  readonly start: TimePos;
  readonly end: TimePos;
  /** All phases the span touches, in order. */
  readonly phaseNames: readonly string[];
  /** Mean standard deviation between participants over the span. */
  readonly spread: number;
  /** Fewest curves present anywhere in the span. */
  readonly n: number;
}

export interface ParticipantFit {
  readonly participantId: Id;
  /** Root-mean-square distance to the mean of the *other* participants, where both exist. Needs 1 other curve. */
  readonly distance: Figure;
  /** Pearson correlation with that mean over the overlap. Needs 1 other curve and a few overlapping points. */
  readonly correlation: Figure;
}

export interface TargetComparison {
  /** The target curve on the grid. */
  readonly values: Series;
  /** RMS distance of each team's mean to the target, by team id. */
  readonly distanceByTeam: Readonly<Record<Id, Figure>>;
}

export interface RoundAnalysis {
  readonly roundId: Id;
  readonly grid: readonly TimePos[];
  readonly curves: readonly SampledCurve[];
  readonly teams: readonly TeamSeries[];
  /** Sales vs PS (by team role); null when the session lacks either team. */
  readonly gap: GapAnalysis | null;
  /** null when the timeline has no handover. */
  readonly handover: {
    readonly at: TimePos;
    readonly byParticipant: Readonly<Record<Id, Figure<HandoverDrop>>>;
    readonly byTeam: Readonly<Record<Id, Figure<HandoverDrop>>>;
  } | null;
  readonly peakEnd: {
    readonly byParticipant: Readonly<Record<Id, Figure<PeakEnd>>>;
    readonly byTeam: Readonly<Record<Id, Figure<PeakEnd>>>;
  };
  /** Standard deviation between participants at each grid point; null where fewer than two curves. */
  readonly spread: Series;
  /** Up to three contiguous spans of highest spread, largest first. */
  readonly disagreement: readonly DisagreementSpan[];
  readonly fits: readonly ParticipantFit[];
  /** 1 = everyone drew the same curve, 0 = maximal spread: 1 − mean spread / 0.5. Needs two curves. */
  readonly agreement: Figure;
  readonly target: TargetComparison;
}

/**
 * For a round of kind 'otherTeam': how one side *thought* the other side
 * experienced the customer, against the other side's real curves in the
 * round of kind 'experienced'.
 */
export interface PerceptionGap {
  readonly guessingTeam: Id;
  readonly guessedTeam: Id;
  /** Mean of the guessing team's curves in the 'otherTeam' round. */
  readonly guess: Series;
  /** Mean of the guessed team's own curves in the 'experienced' round. */
  readonly real: Series;
  /** guess − real. */
  readonly gap: Series;
  readonly meanAbs: Figure;
  readonly largest: Figure<Moment & { readonly value: number }>;
}
