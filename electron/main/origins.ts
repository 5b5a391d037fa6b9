import { APP_HOST, APP_SCHEME } from '../../shared/contract';

/**
 * Which page URLs count as "our renderer": the app bundle served from
 * app://wavelength, and — only in `electron-vite dev`, where main is told the
 * Vite dev server's URL — that server's origin. Used to decide which senders
 * may call IPC and where a window may navigate.
 */
export function isTrustedPageUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `URL.origin` is "null" for non-special schemes such as app:, so compare the parts.
  // Chromium lower-cases the host of a standard scheme; do the same here.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST) return true;
  if (devServerUrl === undefined) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
