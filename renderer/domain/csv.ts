import type { RoundAnalysis } from './analysisTypes';
import type { Id, Session } from './session';
import { phaseAt } from './timeline';

/**
 * The sampled curves of one round as CSV (RFC 4180): one row per grid point
 * with the time, the phase, every participant who drew in the round and every
 * team mean. Values are on the 0–10 scale people know from workshops.
 *
 * The domain stays free of language: every word in the file comes from
 * `texts`, which the caller fills from i18n.
 */
export interface CsvTexts {
  /** First line, e.g. (en) `Enthusiasm 0 = ${low} … 10 = ${high}`. */
  readonly scale: (low: string, high: string) => string;
  /** Column of the time position, 0–1. */
  readonly time: string;
  /** Column of the time position in percent of the timeline. */
  readonly timePercent: string;
  readonly phase: string;
  /** Column of a team's mean, e.g. `Mean of ${team}`. */
  readonly meanOf: (team: string) => string;
}

/**
 * How fields and decimals are separated. RFC 4180 (comma, point) is what
 * tools read; spreadsheets set to German read semicolons and decimal commas
 * (Excel opens a comma file there as one column).
 */
export interface CsvDialect {
  readonly separator: ',' | ';';
  readonly decimal: '.' | ',';
}

export const CSV_DIALECTS = {
  standard: { separator: ',', decimal: '.' },
  spreadsheetDe: { separator: ';', decimal: ',' },
} as const satisfies Record<string, CsvDialect>;

export type CsvDialectName = keyof typeof CSV_DIALECTS;

/** Points on the 0–10 scale in the file. */
export const CSV_SCALE_MAX = 10;

/** Decimals: the grid steps by 0.005 (3 decimals, 0.5 %); two decimals on 0–10 are finer than any hand draws. */
const DECIMALS = { time: 3, percent: 1, value: 2 } as const;

/** RFC 4180 line ends. */
const CRLF = '\r\n';

/**
 * A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a
 * line break, quotes doubled. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe first: names come
 * from people, and the file goes to people who open it in Excel.
 */
export function csvField(text: string, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const needsQuotes = /["\r\n]/.test(safe) || safe.includes(dialect.separator);
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number with '.' as decimal separator and fixed decimals, whatever the locale; empty where no value. */
export function csvNumber(value: number | null | undefined, decimals: number, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  if (value === null || value === undefined) return '';
  const text = value.toFixed(decimals);
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

export function csvLine(fields: readonly string[], dialect: CsvDialect = CSV_DIALECTS.standard): string {
  return fields.join(dialect.separator);
}

export function curvesToCsv(
  session: Session,
  roundId: Id,
  analysis: RoundAnalysis,
  texts: CsvTexts,
  dialect: CsvDialect = CSV_DIALECTS.standard,
): string {
  // The analysis belongs to the round; a mismatch would label one round's curves as another's.
  if (analysis.roundId !== roundId) throw new RangeError(`analysis is of round ${analysis.roundId}, not ${roundId}`);
  const names = new Map(session.participants.map((p) => [p.id, p.name] as const));
  const teams = session.teams.filter((t) => analysis.teams.some((s) => s.teamId === t.id && s.n > 0));
  const means = teams.map((t) => analysis.teams.find((s) => s.teamId === t.id)!.mean);
  const toScale = (v: number | null | undefined) => csvNumber(v === null || v === undefined ? null : v * CSV_SCALE_MAX, DECIMALS.value, dialect);
  const field = (text: string) => csvField(text, dialect);

  const lines = [
    csvLine([field(texts.scale(session.scale.low, session.scale.high))], dialect),
    csvLine(
      [
        texts.time,
        texts.timePercent,
        texts.phase,
        ...analysis.curves.map((c) => names.get(c.participantId) ?? c.participantId),
        ...teams.map((t) => texts.meanOf(t.name)),
      ].map(field),
      dialect,
    ),
    ...analysis.grid.map((x, i) =>
      csvLine([
        csvNumber(x, DECIMALS.time, dialect),
        csvNumber(x * 100, DECIMALS.percent, dialect),
        field(phaseAt(session.timeline.phases, x)?.phase.name ?? ''),
        ...analysis.curves.map((c) => toScale(c.values[i])),
        ...means.map((m) => toScale(m[i])),
      ], dialect),
    ),
  ];
  return lines.join(CRLF) + CRLF;
}
