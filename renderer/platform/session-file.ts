/**
 * The browser build's rules for session file contents and names — the same
 * rules main applies on the desktop (electron/main/files.ts),
 * restated here because the renderer cannot import main's Node code. File
 * names follow the shared rules in shared/file-names.ts.
 * No DOM use, so it is unit-tested in Node.
 */
import { sanitizeSessionFileName } from '../../shared/file-names';
import { MAX_SESSION_BYTES, type OpenSessionResult } from '../../shared/contract';

export type SessionTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: Extract<OpenSessionResult, { kind: 'error' }>['reason']; detail: string };

/** Decode a session file's bytes: at most MAX_SESSION_BYTES, strict UTF-8, a leading BOM dropped. */
export function decodeSessionBytes(bytes: Uint8Array): SessionTextResult {
  if (bytes.byteLength > MAX_SESSION_BYTES) return tooLarge(bytes.byteLength);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'notUtf8', detail: 'The file is not UTF-8 text.' };
  }
}

export function tooLarge(size: number): SessionTextResult {
  return {
    ok: false,
    reason: 'tooLarge',
    detail: `The file has ${size} bytes; at most ${MAX_SESSION_BYTES} are allowed.`,
  };
}

/** UTF-8 size of a session text, as it would be written. */
export function sessionTextBytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** The download name: the suggested name without folders, with the .wavelength extension. */
export function downloadFileName(suggestedName: string): string {
  return sanitizeSessionFileName(suggestedName);
}
