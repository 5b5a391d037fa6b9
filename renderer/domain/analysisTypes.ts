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

/**
 * A team's line and band. The line is the *linked* mean (see linkTeamMean in
 * analysis.ts): it moves only as much as the team's curves move, so it never
 * jumps where a curve starts or ends, and it is drawn only where at least two
 * of the team's curves exist (one, for a team of one).
 */
export interface TeamSeries {
  readonly teamId: Id;
  /** Curves of this team in the round. */
  readonly n: number;
  /** Curves with a value at each grid point. */
  readonly count: readonly number[];
  /** The team line; null where fewer than min(2, n) of the team's curves exist. */
  readonly mean: Series;
  /**
   * The grid-index runs the line is drawn in, each linked on its own: a new
   * one starts after a gap, or where no curve goes on from one point to the
   * next (the whole team changed), so the line is broken there, not joined.
   */
  readonly stretches: readonly { readonly from: number; readonly to: number }[];
  /** Spread band: interquartile range (25th–75th percentile) of the curves present; null where fewer than two curves. */
  readonly lower: Series;
  readonly upper: Series;
}

/**
 * The largest absolute value of a difference series, with its sign, and the
 * stretch around it where the difference stays that large (within
 * PLATEAU_TOLERANCE, same sign): a flat stretch is named by its span, not by
 * its first point.
 */
export interface Extreme extends Moment {
  readonly value: number;
  readonly start: TimePos;
  readonly end: TimePos;
}

export interface GapAnalysis {
  /** The team whose mean is the minuend (Sales) and the subtrahend (PS). */
  readonly teamA: Id;
  readonly teamB: Id;
  /** line(A) − line(B); null where either team line has no value. */
  readonly values: Series;
  /** Largest absolute gap; n = smaller of the two teams' curve counts there. Needs one curve per side. */
  readonly largest: Figure<Extreme>;
  /** Mean absolute gap over the grid points where both teams have values. */
  readonly meanAbs: Figure;
}

export interface HandoverDrop {
  /** Level just before the handover (a team: the mean of its members' levels). */
  readonly before: number;
  /** Lowest level within the window after the handover, and where (a team: the means of its members'). */
  readonly low: number;
  readonly lowAt: TimePos;
  /** before − low; positive is a drop. A team's is the mean of its members' own drops. */
  readonly drop: number;
  /** The drop passes the session's threshold. */
  readonly overstretched: boolean;
  /** How many of the curves it rests on passed the threshold on their own (a participant: 0 or 1). */
  readonly overstretchedCurves: number;
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
  /** The earliest point of the highest value. */
  readonly peakAt: TimePos;
  /** The stretch around it within PLATEAU_TOLERANCE of the peak: a plateau is named by its span. */
  readonly peakStart: TimePos;
  readonly peakEnd: TimePos;
  /** The last value of the series, and where. */
  readonly end: number;
  readonly endAt: TimePos;
  /**
   * The series lasts into the last phase of the timeline. A curve that stops
   * earlier (someone left the project) has no "end" of the project: it is
   * "drawn until" the phase it stops in, and gets no verdict.
   */
  readonly reachesEnd: boolean;
  /** end − peak (≤ 0). */
  readonly endVsPeak: number;
  /** null when the series stops before the last phase. */
  readonly verdict: EndVerdict | null;
  /** Curves behind the value at the peak and at the end (a participant: 1). */
  readonly peakN: number;
  readonly endN: number;
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
  /** The same within each team, by team id: how alike a team's own curves are. */
  readonly agreementByTeam: Readonly<Record<Id, Figure>>;
  /** How the spread of the whole group splits into differences between the teams and within them. */
  readonly spreadSplit: Figure<SpreadSplit>;
  readonly target: TargetComparison;
}

/**
 * The group's variance split by team (at each grid point: total = between
 * the team means + within the teams), summed over the grid. Shares of the
 * total, so between + within = 1. Needs two curves at one time and some
 * spread at all.
 */
export interface SpreadSplit {
  readonly between: number;
  readonly within: number;
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
  readonly largest: Figure<Extreme>;
}
