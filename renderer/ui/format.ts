import type { TFunction } from 'i18next';
import type { Figure } from '../domain';

/** A level in [0, 1] on the 0–10 scale people drew on, one decimal, in the UI language. */
export function formatLevel(value: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 10);
}

export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

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
