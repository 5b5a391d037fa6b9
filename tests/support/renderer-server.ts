// Serves the built renderer (out/renderer) over HTTP on 127.0.0.1 exactly the
// way the packaged app serves it over app://: every request is answered by
// the same resolveAppRequest() that main registers for the app:// protocol,
// so file layout, 403/404 decisions, MIME types and the CSP header are the
// app's own, not a test double's.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { APP_ORIGIN } from '../../shared/contract';
import { resolveAppRequest } from '../../electron/main/protocol';

export interface RendererServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  close(): Promise<void>;
}

/**
 * Maps an HTTP request target ("/assets/x.js?v=1") onto the app:// URL the
 * packaged app would see. Deliberately no parsing here: anything odd (an
 * absolute-form target, "//host/...") is left for resolveAppRequest to refuse.
 */
export function toAppUrl(requestTarget: string): string {
  return `${APP_ORIGIN}${requestTarget}`;
}

export async function startRendererServer(options: {
  bundleDir: string;
  /** 0 picks a free port. */
  port?: number;
}): Promise<RendererServer> {
  const bundleDir = resolve(options.bundleDir);

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const resolution = resolveAppRequest(toAppUrl(request.url ?? '/'), bundleDir);
    if (resolution.status !== 200) {
      response.writeHead(resolution.status, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const { size } = await stat(resolution.filePath);
    response.writeHead(200, { ...resolution.headers, 'Content-Length': String(size), 'Cache-Control': 'no-store' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(resolution.filePath)
      .on('error', (error) => response.destroy(error))
      .pipe(response);
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      console.error('[renderer-server]', request.url, error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

/** A port that was free a moment ago on 127.0.0.1 (the e2e config fixes it before workers start). */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolveListen, rejectListen) => {
    probe.once('error', rejectListen);
    probe.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolveClose) => probe.close(() => resolveClose()));
  return port;
}
