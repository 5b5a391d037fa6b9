import type { TFunction } from 'i18next';
import type { Figure } from '../domain';

// Numbers are written by renderer/scene/numbers.ts, the one module for them; this file keeps the UI's words
// around them and its dates.

/** A figure's value, or why there is none ("not enough curves (1 of 2)"). */
export function formatFigure(t: TFunction, figure: Figure, format: (v: number) => string): string {
  if (figure.ok) return format(figure.value);
  if (figure.reason === 'tooFewPoints') return t('compare.tooFewPoints');
  if (figure.reason === 'noVariance') return t('compare.noVariance');
  return t('compare.notEnough', { n: figure.n, needed: figure.needed });
}

/** A moment (ISO 8601) as date and time in the UI language: "12.03.2026, 14:05", "Mar 12, 2026, 2:05 PM". */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
