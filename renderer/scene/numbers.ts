/**
 * How Wavelength writes and reads numbers, the one place for it (issue 10):
 * the app, the room view, the compare scene's sentences and the PDF all
 * format through these functions, so a figure reads "to the digit" the same
 * everywhere. Levels on the 0–10 scale people drew on with one decimal,
 * shares in whole percent, correlations with two decimals; German or US
 * English conventions (decimal comma, "83 %" with a no-break space); a real
 * minus sign (U+2212), never "−0,0". The CSV is machine-readable on purpose
 * and writes its own way (domain/csv.ts). Pure: no DOM.
 */

export type NumberLanguage = 'de' | 'en';

/** The real minus sign: a hyphen-minus reads as a dash and breaks lines in German. */
export const MINUS = '\u2212';

/** The locale whose conventions apply: German or US English (any 'de-…' counts as German). */
export function numberLocale(language: string): string {
  return language.toLowerCase().startsWith('de') ? 'de-DE' : 'en-US';
}

const formats = new Map<string, Intl.NumberFormat>();
/**
 * One Intl.NumberFormat per locale and options, made once: making one costs about as much as formatting
 * a hundred numbers, and the room view formats every curve's handover drop on each update.
 */
function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = numberLocale(language);
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * A number with a fixed count of decimals in the language's conventions. Rounded first, so a value that
 * rounds to zero has no sign ("0,0", not "−0,0"); a negative one gets the real minus sign.
 */
export function formatDecimal(value: number, language: string, decimals: number, options: { signed?: boolean } = {}): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  const text = numberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(rounded === 0 ? 0 : rounded);
  return text.replace('-', MINUS);
}

/** A level in [0, 1] on the 0–10 scale, one decimal ("6,4" / "6.4"). */
export function formatLevel(value: number, language: string): string {
  return formatDecimal(value * 10, language, 1);
}

/** A difference of levels with its sign ("+2,5", "−1.0"); 0.0 has none. */
export function formatSignedLevel(value: number, language: string): string {
  return formatDecimal(value * 10, language, 1, { signed: true });
}

/** A share in [0, 1] as whole percent ("83 %" / "83%"), never "−0 %". */
export function formatShare(value: number, language: string): string {
  const rounded = Math.round(value * 100) / 100;
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 })
    .format(rounded === 0 ? 0 : rounded)
    .replace('-', MINUS);
}

/** A correlation coefficient, two decimals ("−0,48"). */
export function formatCorrelation(value: number, language: string): string {
  return formatDecimal(value, language, 2);
}

/**
 * A number for an input field: as few decimals as it needs, up to `maxDecimals`, no grouping
 * ("1,5", "35,7", "10"), so that what the field shows is what `parseDecimal` reads back.
 */
export function formatInputNumber(value: number, language: string, maxDecimals = 1): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return numberFormat(language, { maximumFractionDigits: maxDecimals, useGrouping: false })
    .format(rounded === 0 ? 0 : rounded)
    .replace('-', MINUS);
}

/**
 * A number as people type it, in either UI language: "9,5" and "9.5" are both nine and a half (nobody
 * types a thousands separator into a 0–10 scale or a phase width), a leading minus may be a hyphen or
 * the real minus sign, spaces around it are ignored. Null for anything else ("", "9,5,1", "abc", "1e3").
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(MINUS, '-');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * A difference smaller than this shows as 0.0 on the 0–10 scale, so it has
 * no direction: nobody "saw more" where the figure reads 0.0.
 */
export const NO_DIFFERENCE = 0.005;
