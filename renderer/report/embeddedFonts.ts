import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2?url';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?url';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?url';
import { toBase64 } from './base64';

/**
 * The bundled Inter as @font-face rules with the font files inlined as
 * data: URLs, for SVG that leaves the app. A picture drawn from an SVG
 * (the PNG export) cannot load anything from outside itself, so without
 * this its text would fall back to whatever sans-serif the machine has; an
 * .svg file with them renders the same in any browser. Basic latin always
 * (~70 kB for three weights); latin-ext (Ł, ő, ș …) only when the text
 * needs it. The files come from the app bundle ('self' in the CSP), never
 * from the network.
 */
const FILES = {
  latin: { 400: latin400, 600: latin600, 700: latin700 },
  latinExt: { 400: latinExt400, 600: latinExt600, 700: latinExt700 },
} as const;

// The unicode ranges @fontsource gives these subsets (400.css), so each file is only used for its characters.
const RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  latinExt:
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

const cache = new Map<string, Promise<string>>();

async function dataUrl(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The bundled font ${url} could not be read (HTTP ${response.status}).`);
  return `data:font/woff2;base64,${toBase64(new Uint8Array(await response.arrayBuffer()))}`;
}

function cachedDataUrl(url: string): Promise<string> {
  let entry = cache.get(url);
  if (!entry) {
    entry = dataUrl(url);
    entry.catch(() => cache.delete(url));
    cache.set(url, entry);
  }
  return entry;
}

/** @font-face rules for Inter 400/600/700, latin and optionally latin-ext. */
export async function embeddedFontCss(withLatinExt: boolean): Promise<string> {
  const subsets = withLatinExt ? (['latin', 'latinExt'] as const) : (['latin'] as const);
  const rules: string[] = [];
  for (const subset of subsets) {
    for (const weight of [400, 600, 700] as const) {
      const src = await cachedDataUrl(FILES[subset][weight]);
      rules.push(
        `@font-face{font-family:Inter;font-style:normal;font-weight:${weight};src:url(${src}) format('woff2');unicode-range:${RANGES[subset]}}`,
      );
    }
  }
  return rules.join('\n');
}
