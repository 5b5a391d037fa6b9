/**
 * The device's line to the room: one WebSocket, reopened whenever it drops
 * (backing off to 10 s), at once when the page becomes visible again or the
 * network comes back (iOS freezes the sockets of a locked or background page),
 * with a heartbeat so both sides notice a dead line. Every message from the
 * room is checked against the protocol's schema before it is believed.
 */
import {
  DEVICE_SOCKET_PATH,
  HEARTBEAT_MS,
  parseMessage,
  serverMessageSchema,
  type DeviceMessage,
  type ServerMessage,
} from '../../shared/room-protocol';
import type { DeviceStorage } from './storage';
import type { DeviceState, DeviceStore } from './store';

export interface RoomConnection {
  send(message: Exclude<DeviceMessage, { type: 'hello' }>): boolean;
  /** Join with a typed code. */
  joinWithCode(code: string): void;
  stop(): void;
}

const MAX_BACKOFF_MS = 10_000;
/** A ping unanswered this long means the socket is dead, even if the browser has not noticed. */
const PONG_TIMEOUT_MS = 5_000;

export function connectRoom(win: Window, store: DeviceStore, storage: DeviceStorage): RoomConnection {
  const url = `ws://${win.location.host}${DEVICE_SOCKET_PATH}`;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer = 0;
  let heartbeat = 0;
  let pongTimer = 0;
  let stopped = false;
  let code: string | null = null;

  const set = (patch: Partial<DeviceState>) => store.setState(patch);

  function open(): void {
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    win.clearTimeout(retryTimer);
    if (store.getState().connection !== 'needCode') set({ connection: store.getState().room ? 'offline' : 'connecting' });
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      hello(ws);
      win.clearInterval(heartbeat);
      heartbeat = win.setInterval(() => ping(ws), HEARTBEAT_MS);
    };
    ws.onmessage = (event) => {
      win.clearTimeout(pongTimer);
      if (typeof event.data !== 'string') return;
      const parsed = parseMessage(serverMessageSchema, event.data);
      if (parsed.ok) receive(ws, parsed.value);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      win.clearInterval(heartbeat);
      win.clearTimeout(pongTimer);
      const state = store.getState().connection;
      if (stopped || state === 'ended') return;
      if (state === 'online') set({ connection: 'offline', sending: false });
      attempt++;
      retryTimer = win.setTimeout(open, Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 5)));
    };
  }

  function hello(ws: WebSocket): void {
    const token = storage.token();
    const key = storage.key();
    if (token) ws.send(JSON.stringify({ type: 'hello', auth: { kind: 'token', token } }));
    else if (key) ws.send(JSON.stringify({ type: 'hello', auth: { kind: 'link', key } }));
    else if (code) ws.send(JSON.stringify({ type: 'hello', auth: { kind: 'code', code } }));
    else set({ connection: 'needCode' });
  }

  function ping(ws: WebSocket): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify({ type: 'ping' }));
    win.clearTimeout(pongTimer);
    pongTimer = win.setTimeout(() => ws.close(), PONG_TIMEOUT_MS);
  }

  function receive(ws: WebSocket, message: ServerMessage): void {
    const now = Date.now();
    switch (message.type) {
      case 'welcome':
        storage.setToken(message.token);
        code = null;
        set({ connection: 'online', room: message.room, roomReceivedAt: now, self: message.self, sending: false, refusal: null });
        return;
      case 'room':
        set({ room: message.room, roomReceivedAt: now });
        return;
      case 'self':
        set({ self: message.self });
        return;
      case 'accepted':
        set({ sending: false });
        return;
      case 'pong':
        return;
      case 'ended':
        storage.setToken(null);
        storage.setKey(null);
        set({ connection: 'ended' });
        stopped = true;
        ws.close();
        return;
      case 'refused':
        switch (message.reason) {
          case 'badToken':
            // The room no longer knows this device (it was closed and opened again): join afresh.
            storage.setToken(null);
            if (storage.key() || code) hello(ws);
            else set({ connection: 'needCode' });
            return;
          case 'badKey':
            storage.setKey(null);
            set({ connection: 'needCode', refusal: { reason: message.reason, at: now } });
            return;
          case 'badCode':
          case 'rateLimited':
            code = null;
            set({ connection: 'needCode', refusal: { reason: message.reason, at: now } });
            return;
          default:
            set({ refusal: { reason: message.reason, at: now }, sending: false });
        }
    }
  }

  const wake = () => {
    if (win.document.visibilityState !== 'visible') return;
    if (socket?.readyState === WebSocket.OPEN) ping(socket);
    else {
      attempt = 0;
      open();
    }
  };
  win.document.addEventListener('visibilitychange', wake);
  win.addEventListener('online', wake);
  win.addEventListener('pageshow', wake);
  open();

  return {
    send(message) {
      if (socket?.readyState !== WebSocket.OPEN || store.getState().connection !== 'online') return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    joinWithCode(typed) {
      code = typed;
      set({ connection: 'connecting', refusal: null });
      if (socket?.readyState === WebSocket.OPEN) hello(socket);
      else open();
    },
    stop() {
      stopped = true;
      win.document.removeEventListener('visibilitychange', wake);
      win.removeEventListener('online', wake);
      win.removeEventListener('pageshow', wake);
      socket?.close();
    },
  };
}
