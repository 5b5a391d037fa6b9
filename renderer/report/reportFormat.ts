import type { TFunction } from 'i18next';
import {
  curveSpan,
  phaseAt,
  type Figure,
  type Id,
  type Participant,
  type Round,
  type Session,
  type Team,
  type TimePos,
} from '../domain';
import type { ReportLanguage } from '../../shared/report-job';

/**
 * Numbers, dates and selections of the report, in the report's language
 * (not the UI's). Pure: no DOM, so the rules are unit-tested in Node.
 */

/** The locale whose conventions the report follows: German or US English. */
export function reportLocale(language: ReportLanguage): string {
  return language === 'de' ? 'de-DE' : 'en-US';
}

// Levels, signed differences, shares and correlations are written by the one set of number rules
// (scene/numbers.ts), so the report says a figure exactly as the app and the room do.
import { formatShare } from '../scene/numbers';

export { formatCorrelation, formatLevel, formatShare, formatSignedLevel } from '../scene/numbers';

/**
 * An ISO date (yyyy-mm-dd) written out ("12. März 2025" / "March 12, 2025");
 * null for '' or a malformed date. Read as a calendar day, so no time zone
 * can move it to the day before.
 */
export function formatDate(iso: string, language: ReportLanguage): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(reportLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A time position as percent of the timeline ("42 %"). */
export function formatTimePercent(at: TimePos, language: ReportLanguage): string {
  return formatShare(at, language);
}

/** A figure's value, or in words why there is none. */
export function formatFigure<T>(t: TFunction, figure: Figure<T>, format: (v: T) => string): string {
  if (figure.ok) return format(figure.value);
  if (figure.reason === 'tooFewPoints') return t('report.figures.tooFewPoints');
  if (figure.reason === 'noVariance') return t('report.figures.noVariance');
  return t('report.figures.notEnough', { n: figure.n, needed: figure.needed });
}

/** Name of the phase a moment falls in. */
export function phaseNameAt(session: Session, at: TimePos): string {
  return phaseAt(session.timeline.phases, at)?.phase.name ?? '';
}

/** The rounds the report covers: every round with a curve, in session order; the first round when none has one. */
export function reportRounds(session: Session): Round[] {
  const drawn = session.rounds.filter((r) => session.curves.some((c) => c.roundId === r.id));
  return drawn.length > 0 ? drawn : session.rounds.slice(0, 1);
}

/** The round the chart files and the CSV show: the one asked for if it exists, else the first round with curves. */
export function chartRound(session: Session, roundId: Id | null): Round {
  const asked = roundId === null ? undefined : session.rounds.find((r) => r.id === roundId);
  return asked ?? reportRounds(session)[0]!;
}

export interface TeamGroup {
  readonly team: Team;
  readonly participants: readonly Participant[];
}

/** Teams with their members, in the session's order; empty teams left out. */
export function participantsByTeam(session: Session, onlyIds?: ReadonlySet<Id>): TeamGroup[] {
  return session.teams
    .map((team) => ({
      team,
      participants: session.participants.filter((p) => p.teamId === team.id && (!onlyIds || onlyIds.has(p.id))),
    }))
    .filter((g) => g.participants.length > 0);
}

/** Participants who drew in a round, by team. */
export function drawnByTeam(session: Session, roundId: Id): TeamGroup[] {
  const ids = new Set(session.curves.filter((c) => c.roundId === roundId).map((c) => c.participantId));
  return participantsByTeam(session, ids);
}

/** "Kickoff to Abschluss": the phases a participant's curve starts and ends in. */
export function spanPhases(session: Session, participantId: Id, roundId: Id): { from: string; to: string } | null {
  const curve = session.curves.find((c) => c.participantId === participantId && c.roundId === roundId);
  const span = curve ? curveSpan(curve.points) : null;
  if (!span) return null;
  return { from: phaseNameAt(session, span.start), to: phaseNameAt(session, span.end) };
}

/** The project's name, or the "untitled" text of the report. */
export function reportTitle(session: Session, t: TFunction): string {
  return session.project.name.trim() || t('report.untitled');
}
