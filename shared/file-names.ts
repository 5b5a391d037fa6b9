import { SESSION_EXTENSION } from './contract';

// File-name rules shared by main (dialogs, exports) and the renderer (browser downloads, suggestions).

const FALLBACK_NAME = 'Session';
const MAX_NAME_LENGTH = 200;

/** Append ".wavelength" unless the name already ends with it (in any case). */
export function ensureSessionExtension(name: string): string {
  return ensureExtension(name, SESSION_EXTENSION);
}

/**
 * Make the renderer's suggested name safe as a file name on every platform:
 * no folders (it must not pick the location), no characters Windows refuses,
 * no control characters, no trailing dots or spaces, a sane length, and the
 * session extension.
 */
export function sanitizeSessionFileName(suggestedName: string): string {
  return sanitizeFileName(suggestedName, SESSION_EXTENSION, FALLBACK_NAME);
}

/** The same rules for any extension (exports: pdf, png, svg, csv); `extension` without the dot. */
export function sanitizeFileName(suggestedName: string, extension: string, fallback: string): string {
  const dotted = `.${extension}`;
  let stem = suggestedName
    // Control characters and the characters Windows forbids in names; "/" and "\" included.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (stem.toLowerCase().endsWith(dotted)) stem = stem.slice(0, -dotted.length);
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_NAME_LENGTH).trim();
  // Device names Windows reserves regardless of extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = `_${stem}`;
  return (stem || fallback) + dotted;
}

/** Append `.extension` unless the name already ends with it (in any case). */
export function ensureExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}
