/** The Electron side of the app:// scheme; the URL → file mapping is in protocol.ts. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from '../../shared/contract';
import { resolveAppRequest } from './protocol';

/**
 * Must run before the app is ready. "standard" gives app:// real origins and
 * relative URL resolution, "secure" makes it a secure context like https,
 * "supportFetchAPI" lets the renderer fetch() its own bundled assets.
 * No CSP bypass, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the renderer bundle in `bundleDir` on app://wavelength (after ready). */
export function registerAppProtocol(bundleDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, bundleDir));
}

export async function serveAppRequest(
  request: { url: string; method: string },
  bundleDir: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const resolved = resolveAppRequest(request.url, bundleDir);
  if (resolved.status !== 200) return new Response(null, { status: resolved.status });
  try {
    const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
    return new Response(body, { status: 200, headers: resolved.headers });
  } catch {
    // Vanished between stat and read (e.g. a rebuild during dev): same as missing.
    return new Response(null, { status: 404 });
  }
}
