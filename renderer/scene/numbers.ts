/**
 * How the comparison writes its numbers, the same on every surface (the
 * app, the room and the PDF say a figure "to the digit"): levels on the
 * 0–10 scale people drew on with one decimal, shares in whole percent, in
 * German or US English conventions. Pure: no DOM.
 */

export type NumberLanguage = 'de' | 'en';

/** The locale whose conventions apply: German or US English (any 'de-…' counts as German). */
export function numberLocale(language: string): string {
  return language.toLowerCase().startsWith('de') ? 'de-DE' : 'en-US';
}

/** A level in [0, 1] on the 0–10 scale, one decimal ("6,4" / "6.4"). */
export function formatLevel(value: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 10);
}

/** A difference of levels with its sign ("+2,5", "−1.0"); the minus is a real minus sign, and 0.0 has none. */
export function formatSignedLevel(value: number, language: string): string {
  const rounded = Math.round(value * 100) / 10;
  const text = new Intl.NumberFormat(numberLocale(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(rounded === 0 ? 0 : rounded);
  return text.replace('-', '−');
}

/** A share in [0, 1] as whole percent ("83 %" / "83%"). */
export function formatShare(value: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/**
 * A difference smaller than this shows as 0.0 on the 0–10 scale, so it has
 * no direction: nobody "saw more" where the figure reads 0.0.
 */
export const NO_DIFFERENCE = 0.005;
