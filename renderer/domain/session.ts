import type { CurvePoint, TimePos } from './units';

export type Id = string;

/** A phase of the project; widths are relative weights, normalised over the timeline. */
export interface Phase {
  readonly id: Id;
  readonly name: string;
  readonly width: number;
}

/** A moment on the timeline (contract signed, handover, go-live). */
export interface Milestone {
  readonly id: Id;
  readonly name: string;
  readonly at: TimePos;
}

export interface Timeline {
  readonly phases: readonly Phase[];
  readonly milestones: readonly Milestone[];
  /** The milestone where Sales hands the project to PS; null when none is marked. */
  readonly handoverId: Id | null;
}

/** Verbal anchors of the enthusiasm scale at 0, 0.5 and 1. */
export interface Scale {
  readonly low: string;
  readonly mid: string;
  readonly high: string;
}

/** Line styles tell teams apart when colour is gone (grey print, colour blindness). */
export const LINE_STYLES = ['solid', 'dashed', 'dotted', 'dashdot'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

/** The built-in roles of a team; 'other' covers teams the facilitator adds. */
export const TEAM_ROLES = ['sales', 'ps', 'customer', 'other'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface Team {
  readonly id: Id;
  readonly name: string;
  readonly role: TeamRole;
  readonly lineStyle: LineStyle;
}

export interface Participant {
  readonly id: Id;
  readonly name: string;
  readonly teamId: Id;
  /** CSS colour, #rrggbb. */
  readonly color: string;
}

export const ROUND_KINDS = ['experienced', 'ownTeam', 'otherTeam', 'custom'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export interface Round {
  readonly id: Id;
  readonly kind: RoundKind;
  readonly question: string;
}

/** One participant's curve in one round. Points are sorted by time; the span is first..last. */
export interface Curve {
  readonly participantId: Id;
  readonly roundId: Id;
  readonly points: readonly CurvePoint[];
}

/**
 * The reference curve from the method: Sales measured early, a warm handover
 * (no drop), rising together to the peak at the end. Levels in [0, 1] at the
 * start of the timeline, at the handover and at the end; drawn dashed.
 */
export interface TargetCurve {
  readonly visible: boolean;
  readonly start: number;
  readonly handover: number;
  readonly end: number;
}

export const DEFAULT_TARGET: TargetCurve = { visible: true, start: 0.45, handover: 0.6, end: 0.95 };

/** Settings of the analysis that the facilitator can adjust; saved with the session. */
export interface AnalysisSettings {
  /** How far after the handover to look for the low, as a share of the timeline. */
  readonly handoverWindow: number;
  /** A drop larger than this (in [0, 1] units) marks a curve as overstretched. */
  readonly dropThreshold: number;
}

export const DEFAULT_ANALYSIS: AnalysisSettings = { handoverWindow: 0.2, dropThreshold: 0.25 };

export const NOTE_KINDS = ['event', 'insight'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A note pinned to a moment of the timeline in one round, optionally to one person's curve. */
export interface Note {
  readonly id: Id;
  readonly roundId: Id;
  readonly at: TimePos;
  readonly participantId: Id | null;
  readonly kind: NoteKind;
  readonly text: string;
  readonly author: string;
}

export interface ActionItem {
  readonly id: Id;
  readonly what: string;
  readonly who: string;
  /** ISO date (yyyy-mm-dd) or '' when open-ended. */
  readonly due: string;
  readonly done: boolean;
  /** Set on an item brought over, still open, from an earlier retro ("New retro from this one") for review. */
  readonly carriedOver?: CarriedOver;
}

/** Where a carried-over action item was agreed: that retro's project name ('' when it had none) and date. */
export interface CarriedOver {
  readonly from: string;
  /** ISO date (yyyy-mm-dd) or '' when the retro had none. */
  readonly date: string;
}

export interface Project {
  readonly name: string;
  readonly customer: string;
  /** Leave the customer's name out of exports. */
  readonly hideCustomer: boolean;
  /** ISO date (yyyy-mm-dd) of the retro, or '' when not set. */
  readonly date: string;
}

export interface Session {
  readonly id: Id;
  readonly language: 'de' | 'en';
  readonly project: Project;
  readonly timeline: Timeline;
  readonly scale: Scale;
  readonly teams: readonly Team[];
  readonly participants: readonly Participant[];
  readonly rounds: readonly Round[];
  readonly curves: readonly Curve[];
  readonly target: TargetCurve;
  readonly analysis: AnalysisSettings;
  readonly notes: readonly Note[];
  readonly actions: readonly ActionItem[];
}

/**
 * What a session may hold. The file format refuses more (sessionFile.ts) and
 * the edits stay inside, so the app never writes a file it would refuse.
 */
export const SESSION_LIMITS = {
  phases: 100,
  milestones: 100,
  teams: 20,
  participants: 500,
  rounds: 50,
  curves: 25_000,
  pointsPerCurve: 5000,
  notes: 2000,
  actions: 1000,
  /**
   * Relative width of a phase. With at most 100 phases, the narrowest is
   * still 1/10,000,000 of the timeline, so the centres of two phases (where
   * typed values go) never fall closer together than MIN_POINT_GAP.
   */
  phaseWidth: { min: 0.01, max: 1000 },
} as const;

/** Okabe–Ito: a palette that stays distinguishable with colour-vision deficiencies. */
export const PARTICIPANT_PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

/** The curve of a participant in a round, if drawn. */
export function findCurve(session: Session, participantId: Id, roundId: Id): Curve | undefined {
  return session.curves.find((c) => c.participantId === participantId && c.roundId === roundId);
}

/** The first palette colour not yet taken, cycling when all are. */
export function nextParticipantColor(participants: readonly Participant[]): string {
  const used = new Set(participants.map((p) => p.color.toLowerCase()));
  const free = PARTICIPANT_PALETTE.find((c) => !used.has(c.toLowerCase()));
  return free ?? PARTICIPANT_PALETTE[participants.length % PARTICIPANT_PALETTE.length]!;
}
