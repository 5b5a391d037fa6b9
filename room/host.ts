/**
 * The browser build's host (`npm run room`): the facilitator's app served on
 * loopback only, together with the room controller. The facilitator's page
 * talks to the controller over a WebSocket on the same loopback listener,
 * after proving it holds the control secret that the command printed in the
 * app's link (URL fragment, never sent in a request). Nothing on the network
 * can reach this listener; the participant room listens on its own port, only
 * while the facilitator keeps a room open.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { resolveAppRequest } from '../electron/main/protocol';
import { APP_ORIGIN } from '../shared/contract';
import {
  CONTROL_KEY_PARAM,
  CONTROL_SOCKET_PATH,
  controlHelloSchema,
  facilitatorCommandSchema,
  parseMessage,
  type AddressChoice,
  type RoomEvent,
} from '../shared/room-protocol';
import { createRoomController, type RoomController } from './controller';
import { checkRequest, makeSecret, sameSecret, SECURITY_HEADERS } from './security';
import { participantFiles } from './static-files';

export interface RoomHostOptions {
  /** The built renderer (out/renderer). */
  readonly bundleDir: string;
  /** Loopback port of the facilitator's app; 0 for any free one. */
  readonly appPort?: number;
  /** Where the participant room listens when opened: '0.0.0.0' in a meeting room, '127.0.0.1' in tests. */
  readonly roomBindHost?: string;
  readonly roomPort?: number;
  /** Addresses the room advertises and answers to; by default the machine's interfaces. */
  readonly roomAddresses?: () => AddressChoice[];
}

export interface RoomHost {
  /** The facilitator's link, with the control secret in the fragment. */
  readonly appUrl: string;
  readonly origin: string;
  readonly controller: RoomController;
  close(): Promise<void>;
}

const CONTROL_MESSAGE_BYTES = 256 * 1024;

export async function startRoomHost(options: RoomHostOptions): Promise<RoomHost> {
  const bundleDir = resolve(options.bundleDir);
  const controlKey = makeSecret(32);
  const controller = createRoomController({
    files: () => participantFiles(bundleDir),
    bindHost: options.roomBindHost,
    port: options.roomPort,
    addresses: options.roomAddresses,
  });

  const server = createServer((request, response) => {
    serveApp(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    // Loopback only: the facilitator's app and its control socket are never on the network.
    server.listen(options.appPort ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveApp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const check = checkRequest(request.headers, allowedHosts, { upgrade: false });
    if (!check.ok) return void response.writeHead(check.status, SECURITY_HEADERS).end();
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    // The same resolver and CSP the packaged app uses for app:// (electron/main/protocol.ts).
    const resolution = resolveAppRequest(`${APP_ORIGIN}${request.url ?? '/'}`, bundleDir);
    if (resolution.status !== 200) return void response.writeHead(resolution.status, { 'Cache-Control': 'no-store' }).end();
    const { size } = await stat(resolution.filePath);
    response.writeHead(200, { ...resolution.headers, 'Content-Length': String(size), 'Cache-Control': 'no-store' });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(resolution.filePath)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  const control = new WebSocketServer({ noServer: true, maxPayload: CONTROL_MESSAGE_BYTES, perMessageDeflate: false });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const check = checkRequest(request.headers, allowedHosts, { upgrade: true });
    if (!check.ok || (request.url ?? '').split('?')[0] !== CONTROL_SOCKET_PATH) {
      socket.end(`HTTP/1.1 ${check.ok ? 404 : check.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    control.handleUpgrade(request, socket, head, (ws) => acceptFacilitator(ws));
  });

  function acceptFacilitator(ws: WebSocket): void {
    let unsubscribe: (() => void) | null = null;
    const send = (event: RoomEvent) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(event));
    const helloTimer = setTimeout(() => unsubscribe === null && ws.close(4401, 'no hello'), 10_000);
    ws.on('message', (data) => {
      const raw = data.toString();
      if (!unsubscribe) {
        const hello = parseMessage(controlHelloSchema, raw);
        if (!hello.ok || !sameSecret(hello.value.key, controlKey)) return void ws.close(4403, 'wrong control key');
        clearTimeout(helloTimer);
        unsubscribe = controller.onEvent(send);
        send({ type: 'status', status: controller.status() });
        return;
      }
      const command = parseMessage(facilitatorCommandSchema, raw);
      if (!command.ok) return void console.error('[room] refused a malformed facilitator command');
      void controller.run(command.value);
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      unsubscribe?.();
    });
  }

  const origin = `http://127.0.0.1:${port}`;
  return {
    appUrl: `${origin}/#${CONTROL_KEY_PARAM}=${controlKey}`,
    origin,
    controller,
    async close() {
      await controller.dispose();
      for (const ws of control.clients) ws.terminate();
      control.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
