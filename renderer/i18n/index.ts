import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { areaResources } from './areas';
import { de } from './de';
import { en } from './en';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** German for any German locale (de, de-AT, de-CH …), English otherwise. */
export function detectLanguage(locales: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  const first = locales.find((l) => /^(de|en)\b/i.test(l));
  return first?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** One i18next instance for the app; every UI text goes through it. */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: {
      de: { translation: { ...de, ...areaResources('de') } },
      en: { translation: { ...en, ...areaResources('en') } },
    },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
