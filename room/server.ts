/**
 * The local room: a plain Node server (no Electron import) that serves the
 * participant page and a WebSocket to devices on the local network, while the
 * facilitator keeps the room open (DESIGN.md, "The local room").
 *
 * - Nothing listens before openRoom(); close() stops the listener, ends every
 *   socket and forgets every token, so no device keeps any access.
 * - A device gets in with the join link's secret (128 bits, in the URL
 *   fragment, so it is never in a request line or log) or with the short
 *   code, which is rate-limited. It is then given a token of its own, which
 *   brings it back as the same person after a reload or a lost connection.
 * - Every request and upgrade is checked for Host and Origin (security.ts).
 * - A device can send only its own status and curve, and reads only the
 *   round, the pick list (names and teams), the timer and its own curve.
 * - Every message is size-limited, rate-limited and validated (zod, then the
 *   domain's curve rule); a refused message changes nothing and is answered
 *   with the reason.
 * - The facilitator's controls are methods of the returned object, never a
 *   network endpoint of this server.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import QRCode from 'qrcode';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isValidCurve } from '../renderer/domain/curve';
import type { CurvePoint } from '../renderer/domain/units';
import {
  DEVICE_MESSAGE_BURST,
  DEVICE_MESSAGES_PER_SECOND,
  DEVICE_SOCKET_PATH,
  DEVICE_TIMEOUT_MS,
  deviceMessageSchema,
  JOIN_KEY_PARAM,
  MAX_DEVICE_MESSAGE_BYTES,
  MAX_FRAME_BYTES,
  type AddressChoice,
  type DeviceAuth,
  type DeviceMessage,
  type DeviceRoom,
  type DeviceSelf,
  type DeviceSummary,
  type JoinRequest,
  type RefusalReason,
  type RoomEvent,
  type RoomJoin,
  type RoomRound,
  type RoomStatus,
  type ServerMessage,
  type TimerWire,
  type WirePoints,
} from '../shared/room-protocol';
import {
  checkRequest,
  CodeAttemptLimiter,
  hostWithPort,
  makeSecret,
  makeShortCode,
  MessageBudget,
  normaliseCode,
  participantCsp,
  sameSecret,
  SECURITY_HEADERS,
} from './security';
import type { StaticFile } from './static-files';

/** A port people can remember and firewalls can be told about; another one is used when it is taken. */
export const PREFERRED_ROOM_PORT = 8321;
const MAX_DEVICES = 200;
const HELLO_TIMEOUT_MS = 10_000;
/** Messages over the budget beyond this many in a row close the socket: a flood, not a glitch. */
const FLOOD_CLOSE_AFTER = 500;

export interface RoomOptions {
  /** The participant page and its files (participantFiles()). */
  readonly files: ReadonlyMap<string, StaticFile>;
  /** Where to listen: all interfaces ('0.0.0.0') in a meeting room, '127.0.0.1' in tests. */
  readonly bindHost: string;
  /** Port to listen on; 0 for any free one. Defaults to PREFERRED_ROOM_PORT, falling back to any. */
  readonly port?: number;
  /** The addresses the room answers to, ranked; the first is advertised until the facilitator picks another. */
  readonly addresses: readonly AddressChoice[];
  readonly now?: () => number;
}

export interface Room {
  status(): RoomStatus;
  setRound(round: RoomRound | null): void;
  setTimer(timer: TimerWire | null): void;
  chooseAddress(address: string): boolean;
  decide(requestId: string, accept: boolean, participantId: string | null): void;
  /** Status changes and submitted curves; returns an unsubscribe function. */
  onEvent(listener: (event: RoomEvent) => void): () => void;
  close(): Promise<void>;
}

interface Device {
  readonly deviceId: string;
  readonly token: string;
  participantId: string | null;
  /** The name a pending claim is for, or the new name proposed. */
  request: JoinRequest | null;
  socket: WebSocket | null;
  drawing: boolean;
  lastSeenAt: number;
}

interface Submission {
  readonly points: WirePoints;
  readonly at: number;
}

export async function openRoom(options: RoomOptions): Promise<Room> {
  const now = options.now ?? Date.now;
  if (options.addresses.length === 0) throw new Error('the room needs at least one address to be reached on');
  const key = makeSecret(16);
  const code = makeShortCode();
  const openedAt = now();
  const codeLimiter = new CodeAttemptLimiter(now);
  const devices = new Map<string, Device>(); // by token
  const submissions = new Map<string, Submission>(); // by participantId + roundId
  const listeners = new Set<(event: RoomEvent) => void>();
  let round: RoomRound | null = null;
  let timer: TimerWire | null = null;
  let timerSentAt = now();
  let advertised = options.addresses[0]!.address;
  let reachedAt: number | null = null;
  let closed = false;
  let nextId = 1;
  const newId = (prefix: string) => `${prefix}${nextId++}`;

  const server = createServer((request, response) => serveFile(request, response));
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const port = await listen(server, options.bindHost, options.port ?? PREFERRED_ROOM_PORT);
  const allowedHosts = new Set(options.addresses.map((a) => hostWithPort(a.address, port).toLowerCase()));

  // ── HTTP: the page and its files, nothing else ───────────────────────
  function serveFile(request: IncomingMessage, response: ServerResponse): void {
    const check = checkRequest(request.headers, allowedHosts, { upgrade: false });
    if (!check.ok) {
      response.writeHead(check.status, SECURITY_HEADERS).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    // The query is ignored, so a cache-busting parameter never leaks a file name check.
    const path = (request.url ?? '/').split('?')[0]!;
    const file = options.files.get(path);
    if (!file) {
      response.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Security-Policy': participantCsp(check.host) });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file.path)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const check = checkRequest(request.headers, allowedHosts, { upgrade: true });
    const path = (request.url ?? '').split('?')[0];
    if (!check.ok || path !== DEVICE_SOCKET_PATH || closed) {
      socket.end(`HTTP/1.1 ${check.ok ? 404 : check.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, request.socket.remoteAddress ?? '?'));
  });

  // ── WebSocket: one connection of one device ─────────────────────────
  function accept(ws: WebSocket, client: string): void {
    let device: Device | null = null;
    let overBudget = 0;
    let lastTooManyAt = 0;
    const budget = new MessageBudget(now, DEVICE_MESSAGES_PER_SECOND, DEVICE_MESSAGE_BURST);
    const helloTimer = setTimeout(() => device === null && ws.close(4401, 'no hello'), HELLO_TIMEOUT_MS);

    const send = (message: ServerMessage) => sendTo(ws, message);
    const refuse = (reason: RefusalReason, about: string | null, retryAfterMs?: number) =>
      send({ type: 'refused', reason, about, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!budget.take()) {
        overBudget++;
        if (overBudget > FLOOD_CLOSE_AFTER) ws.close(1008, 'flooding');
        // One refusal a second is enough to tell a client it is too fast, and keeps a flood from being echoed.
        else if (now() - lastTooManyAt > 1000) {
          lastTooManyAt = now();
          refuse('tooMany', null, 1000);
        }
        return;
      }
      overBudget = 0;
      const raw = rawText(data);
      if (isBinary || raw === null) return refuse('malformed', null);
      if (Buffer.byteLength(raw) > MAX_DEVICE_MESSAGE_BYTES) return refuse('tooLarge', null);
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return refuse('malformed', null);
      }
      const about = typeof (json as { type?: unknown })?.type === 'string' ? String((json as { type: string }).type).slice(0, 20) : null;
      const parsed = deviceMessageSchema.safeParse(json);
      if (!parsed.success) return refuse('malformed', about);
      const message = parsed.data;
      if (message.type === 'hello') {
        if (device) return refuse('malformed', 'hello');
        const result = authenticate(message.auth, client);
        if (!result.ok) return refuse(result.reason, 'hello', result.retryAfterMs);
        device = result.device;
        clearTimeout(helloTimer);
        // A device has one connection: a reconnect replaces a socket that has not noticed it is dead.
        if (device.socket && device.socket !== ws) device.socket.close(4000, 'replaced by a newer connection');
        device.socket = ws;
        device.lastSeenAt = now();
        reachedAt = now();
        send({ type: 'welcome', token: device.token, room: deviceRoom(), self: selfOf(device) });
        emitStatus();
        return;
      }
      if (!device) return refuse('notAuthenticated', message.type);
      device.lastSeenAt = now();
      handle(device, message, refuse, send);
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (device && device.socket === ws) {
        device.socket = null;
        device.drawing = false;
        emitStatus();
      }
    });
    ws.on('error', () => ws.terminate());
  }

  type AuthResult = { ok: true; device: Device } | { ok: false; reason: RefusalReason; retryAfterMs?: number };

  function authenticate(auth: DeviceAuth, client: string): AuthResult {
    if (auth.kind === 'token') {
      const device = devices.get(auth.token);
      return device ? { ok: true, device } : { ok: false, reason: 'badToken' };
    }
    if (auth.kind === 'link') {
      if (!sameSecret(auth.key, key)) return { ok: false, reason: 'badKey' };
    } else {
      const wait = codeLimiter.waitFor(client);
      if (wait > 0) return { ok: false, reason: 'rateLimited', retryAfterMs: Number.isFinite(wait) ? Math.ceil(wait) : 3600_000 };
      if (!sameSecret(normaliseCode(auth.code), code)) {
        codeLimiter.recordFailure(client);
        return { ok: false, reason: 'badCode' };
      }
    }
    if (devices.size >= MAX_DEVICES) return { ok: false, reason: 'roomFull' };
    const device: Device = {
      deviceId: newId('dv'),
      token: makeSecret(16),
      participantId: null,
      request: null,
      socket: null,
      drawing: false,
      lastSeenAt: now(),
    };
    devices.set(device.token, device);
    return { ok: true, device };
  }

  function handle(
    device: Device,
    message: Exclude<DeviceMessage, { type: 'hello' }>,
    refuse: (reason: RefusalReason, about: string | null) => void,
    send: (message: ServerMessage) => void,
  ): void {
    switch (message.type) {
      case 'ping':
        send({ type: 'pong' });
        return;
      case 'claim': {
        if (!round?.people.some((p) => p.id === message.participantId)) return refuse('unknownPerson', 'claim');
        if (device.participantId === message.participantId) return sendSelf(device);
        const holder = holderOf(message.participantId);
        if (holder && holder !== device) {
          // Someone else's device has this name: only the facilitator can hand it over.
          device.request = { kind: 'claim', requestId: newId('rq'), deviceId: device.deviceId, participantId: message.participantId };
        } else {
          device.participantId = message.participantId;
          device.request = null;
        }
        device.drawing = false;
        sendSelf(device);
        emitStatus();
        return;
      }
      case 'newName': {
        if (!round?.allowNewNames) return refuse('newNamesOff', 'newName');
        if (!round.teams.some((t) => t.id === message.teamId)) return refuse('malformed', 'newName');
        device.request = { kind: 'newName', requestId: newId('rq'), deviceId: device.deviceId, name: message.name, teamId: message.teamId };
        sendSelf(device);
        emitStatus();
        return;
      }
      case 'status':
        if (!device.participantId) return refuse('noName', 'status');
        if (device.drawing !== message.drawing) {
          device.drawing = message.drawing;
          emitStatus();
        }
        return;
      case 'submit': {
        if (!device.participantId) return refuse('noName', 'submit');
        if (message.participantId !== device.participantId) return refuse('notYours', 'submit');
        if (!round || message.roundId !== round.round.id) return refuse('wrongRound', 'submit');
        if (!round.drawingOpen) return refuse('drawingClosed', 'submit');
        if (!isValidCurve(message.points as unknown as CurvePoint[])) return refuse('invalidCurve', 'submit');
        const at = now();
        submissions.set(submissionKey(device.participantId, round.round.id), { points: message.points, at });
        device.drawing = false;
        send({ type: 'accepted', roundId: round.round.id, at });
        sendSelf(device);
        emit({ type: 'curve', participantId: device.participantId, roundId: round.round.id, points: message.points });
        emitStatus();
        return;
      }
    }
  }

  // ── What devices and the facilitator see ─────────────────────────────
  const submissionKey = (participantId: string, roundId: string) => `${participantId}\u0000${roundId}`;
  const holderOf = (participantId: string) => [...devices.values()].find((d) => d.participantId === participantId);

  function deviceRoom(): DeviceRoom {
    const remainingMs = timer ? Math.round(timer.running ? timer.remainingMs - (now() - timerSentAt) : timer.remainingMs) : 0;
    return {
      round: round ? stripProgress(round) : null,
      timer: timer ? { ...timer, remainingMs } : null,
    };
  }

  function selfOf(device: Device): DeviceSelf {
    const submission = device.participantId && round ? submissions.get(submissionKey(device.participantId, round.round.id)) : undefined;
    return {
      participantId: device.participantId,
      pending: device.request?.kind ?? null,
      submitted: submission && round ? { roundId: round.round.id, points: submission.points, at: submission.at } : null,
    };
  }

  function sendSelf(device: Device): void {
    if (device.socket) sendTo(device.socket, { type: 'self', self: selfOf(device) });
  }

  function broadcastRoom(): void {
    for (const device of devices.values()) if (device.socket) sendTo(device.socket, { type: 'room', room: deviceRoom() });
  }

  function summary(device: Device): DeviceSummary {
    return {
      deviceId: device.deviceId,
      participantId: device.participantId,
      proposedName: device.request?.kind === 'newName' ? device.request.name : null,
      online: device.socket !== null,
      drawing: device.drawing,
      submitted: selfOf(device).submitted !== null,
      lastSeenAt: device.lastSeenAt,
    };
  }

  function joinInfo(): RoomJoin {
    const typedUrl = `http://${hostWithPort(advertised, port)}`;
    const joinUrl = `${typedUrl}/#${JOIN_KEY_PARAM}=${key}`;
    const qr = QRCode.create(joinUrl, { errorCorrectionLevel: 'M' });
    const modules = Array.from(qr.modules.data, (dark) => (dark ? '1' : '0')).join('');
    return { address: advertised, port, joinUrl, typedUrl, code, qr: { size: qr.modules.size, modules } };
  }

  let join = joinInfo();

  function status(): RoomStatus {
    if (closed) return { open: false, problem: null };
    return {
      open: true,
      openedAt,
      join,
      addresses: [...options.addresses],
      devices: [...devices.values()].map(summary),
      requests: [...devices.values()].flatMap((d) => (d.request ? [d.request] : [])),
      reachedAt,
    };
  }

  function emit(event: RoomEvent): void {
    for (const listener of listeners) listener(event);
  }

  // Status changes come in bursts (six phones joining at once): one update per tick is enough.
  let statusQueued = false;
  function emitStatus(): void {
    if (statusQueued || closed) return;
    statusQueued = true;
    queueMicrotask(() => {
      statusQueued = false;
      if (!closed) emit({ type: 'status', status: status() });
    });
  }

  // A phone that locked its screen keeps a half-open socket; silence past the timeout counts as gone.
  const sweep = setInterval(() => {
    for (const device of devices.values()) {
      if (device.socket && now() - device.lastSeenAt > DEVICE_TIMEOUT_MS) device.socket.terminate();
    }
  }, 5000);
  sweep.unref();

  return {
    status,
    setRound(next) {
      round = next;
      if (round) {
        // A device whose person left the session loses the name; a request for a gone person lapses.
        const ids = new Set(round.people.map((p) => p.id));
        for (const device of devices.values()) {
          if (device.participantId && !ids.has(device.participantId)) device.participantId = null;
          if (device.request?.kind === 'claim' && !ids.has(device.request.participantId)) device.request = null;
        }
      }
      broadcastRoom();
      for (const device of devices.values()) sendSelf(device);
      emitStatus();
    },
    setTimer(next) {
      timer = next;
      timerSentAt = now();
      broadcastRoom();
    },
    chooseAddress(address) {
      if (!options.addresses.some((a) => a.address === address)) return false;
      advertised = address;
      join = joinInfo();
      emitStatus();
      return true;
    },
    decide(requestId, accept, participantId) {
      const device = [...devices.values()].find((d) => d.request?.requestId === requestId);
      if (!device?.request) return;
      const request = device.request;
      device.request = null;
      if (accept) {
        const person = request.kind === 'claim' ? request.participantId : participantId;
        if (person && round?.people.some((p) => p.id === person)) {
          const previous = holderOf(person);
          if (previous && previous !== device) {
            previous.participantId = null;
            previous.drawing = false;
            sendSelf(previous);
          }
          device.participantId = person;
        }
      } else if (device.socket) {
        sendTo(device.socket, { type: 'refused', reason: 'declined', about: request.kind });
      }
      sendSelf(device);
      emitStatus();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      for (const device of devices.values()) {
        if (device.socket) {
          sendTo(device.socket, { type: 'ended', reason: 'closed' });
          device.socket.close(4410, 'room closed');
        }
      }
      // Every token dies with the room: a device that reconnects to a later room must join again.
      devices.clear();
      submissions.clear();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      emit({ type: 'status', status: { open: false, problem: null } });
      listeners.clear();
    },
  };
}

/** The round without who has drawn: a device learns nothing of others' progress. */
function stripProgress(round: RoomRound): Omit<RoomRound, 'drawnIds'> {
  const { drawnIds: _ignored, ...rest } = round;
  return rest;
}

function sendTo(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function rawText(data: RawData): string | null {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Listen on the port asked for; when the preferred one is taken, on any free one. */
async function listen(server: Server, host: string, port: number): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((done, fail) => {
      const onError = (error: Error) => {
        server.off('listening', onListening);
        fail(error);
      };
      const onListening = () => {
        server.off('error', onError);
        done((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
  try {
    return await attempt(port);
  } catch (error) {
    if (port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return attempt(0);
    throw error;
  }
}
