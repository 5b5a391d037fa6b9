import type { TFunction } from 'i18next';
import { createI18n, type Language } from '../i18n';

const translators = new Map<Language, TFunction>();

/** A translator fixed to one language: the report's, whatever the UI speaks. */
export function reportT(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    t = createI18n(language).t;
    translators.set(language, t);
  }
  return t;
}
