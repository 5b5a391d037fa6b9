/**
 * How an app://wavelength/... request maps onto the renderer bundle on disk.
 *
 * Deliberately free of any 'electron' import: the Electron glue lives in
 * protocol-electron.ts, and a plain Node server (smoke tests) can serve the
 * built bundle through this very function, exactly as the packaged app does.
 */
import { statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export type AppRequestResolution =
  | { status: 200; filePath: string; headers: Record<string, string> }
  | { status: 403 | 404 };

/** MIME types of what Vite emits into out/renderer; anything else is served as opaque bytes. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.wavelength': 'application/json; charset=utf-8',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolve `url` (an app://wavelength/... URL) to a file inside `bundleDir`.
 *
 * - another scheme or host, a malformed URL or a path that escapes the bundle → 403
 * - a path inside the bundle that is not an existing file → 404
 * - otherwise 200 with the file and the headers to send: Content-Type and the
 *   app's Content-Security-Policy (the header is what binds the packaged app;
 *   the <meta> tag in index.html only repeats it for the browser build).
 *
 * "/" means index.html. Query and fragment are ignored.
 */
export function resolveAppRequest(url: string, bundleDir: string): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 403 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return { status: 403 };

  // The URL parser already folds "/../" and "/%2e%2e/"; decoding can still
  // produce separators ("%2F", "%5C") or NUL, so check the decoded result again
  // against the bundle folder below instead of trusting the string.
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 403 };
  }
  if (pathname.includes('\0')) return { status: 403 };
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const root = resolve(bundleDir);
  const filePath = resolve(root, `.${pathname}`);
  const inside = relative(root, filePath);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { status: 403 };
  }

  try {
    if (!statSync(filePath).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return {
    status: 200,
    filePath,
    headers: {
      'Content-Type': mimeTypeOf(filePath),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
