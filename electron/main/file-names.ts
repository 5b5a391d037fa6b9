import { SESSION_EXTENSION } from '../contract';

const EXTENSION = `.${SESSION_EXTENSION}`;
const FALLBACK_NAME = 'Session';
const MAX_NAME_LENGTH = 200;

/** Append ".wavelength" unless the name already ends with it (in any case). */
export function ensureSessionExtension(name: string): string {
  return name.toLowerCase().endsWith(EXTENSION) ? name : name + EXTENSION;
}

/**
 * Make the renderer's suggested name safe as a file name on every platform:
 * no folders (it must not pick the location), no characters Windows refuses,
 * no control characters, no trailing dots or spaces, a sane length, and the
 * session extension.
 */
export function sanitizeSessionFileName(suggestedName: string): string {
  let stem = suggestedName
    // Control characters and the characters Windows forbids in names; "/" and "\" included.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (stem.toLowerCase().endsWith(EXTENSION)) stem = stem.slice(0, -EXTENSION.length);
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_NAME_LENGTH).trim();
  // Device names Windows reserves regardless of extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = `_${stem}`;
  return (stem || FALLBACK_NAME) + EXTENSION;
}
