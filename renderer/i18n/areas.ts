import { compare } from './compare';
import { desktop } from './desktop';
import { files } from './files';
import { presenter } from './presenter';
import { report } from './report';
import { room } from './room';
import { safety } from './safety';

/**
 * Texts of a feature area, both languages side by side in one file, so a
 * feature's texts live together and German can't miss a key (the type says
 * so). Each area becomes a top-level namespace of keys: `compare.title`.
 */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export interface AreaTexts<T> {
  readonly en: T;
  readonly de: Strings<T>;
}

export const AREAS = { compare, desktop, files, presenter, report, room, safety } as const;

export function areaResources(language: 'de' | 'en'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(AREAS).map(([name, texts]) => [name, texts[language]]));
}
