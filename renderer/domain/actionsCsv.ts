import { CSV_DIALECTS, csvField, csvLine, type CsvDialect } from './csv';
import type { Session } from './session';

/**
 * The session's action items as CSV (RFC 4180), beside the curves' CSV: one
 * row per item in the order of the session, with the same field rules
 * (quoting, formula guard) and dialects as curvesToCsv. Dates stay ISO
 * (yyyy-mm-dd), which every spreadsheet reads in every locale.
 */
export interface ActionsCsvTexts {
  readonly what: string;
  readonly who: string;
  readonly due: string;
  readonly done: string;
  /** The done column's values. */
  readonly yes: string;
  readonly no: string;
  /** Column naming the earlier retro an item was carried over from; empty for items of this retro. */
  readonly carriedOver: string;
  /** An earlier retro, e.g. `Projekt Atlas (2026-11-27)`. */
  readonly earlierRetro: (name: string, date: string) => string;
}

const CRLF = '\r\n';

export function actionsToCsv(session: Session, texts: ActionsCsvTexts, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  const field = (text: string) => csvField(text, dialect);
  const lines = [
    csvLine([texts.what, texts.who, texts.due, texts.done, texts.carriedOver].map(field), dialect),
    ...session.actions.map((action) =>
      csvLine(
        [
          action.what,
          action.who,
          action.due,
          action.done ? texts.yes : texts.no,
          action.carriedOver ? texts.earlierRetro(action.carriedOver.from, action.carriedOver.date) : '',
        ].map(field),
        dialect,
      ),
    ),
  ];
  return lines.join(CRLF) + CRLF;
}
