import { CONTROL_KEY_PARAM, CONTROL_SOCKET_PATH, parseMessage, roomEventSchema, type FacilitatorCommand, type RoomEvent } from '../../shared/room-protocol';
import { UNAVAILABLE_ROOM, type RoomPort } from './room';

const KEY_STORAGE = 'wavelength-room-control';

/**
 * The browser build's door to the room, when it was started by `npm run
 * room`: that command prints the app's link with a control secret in the
 * fragment. The secret is kept for this tab (a reload keeps the room) and
 * taken out of the address bar. Commands and events go over a WebSocket to
 * the same loopback server that serves the app; events are checked against
 * the protocol's schema on arrival. Opened on the first subscriber, so the
 * presenter window (same page) never connects.
 */
export function createBrowserRoom(win: Window): RoomPort {
  const fromLink = new URLSearchParams(win.location.hash.slice(1)).get(CONTROL_KEY_PARAM);
  if (fromLink) {
    win.sessionStorage.setItem(KEY_STORAGE, fromLink);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const key = fromLink ?? safeRead(win.sessionStorage, KEY_STORAGE);
  if (!key) return UNAVAILABLE_ROOM;

  const listeners = new Set<(event: RoomEvent) => void>();
  let socket: WebSocket | null = null;
  let ready = false;
  const queue: FacilitatorCommand[] = [];

  function connect(): void {
    const ws = new WebSocket(`ws://${win.location.host}${CONTROL_SOCKET_PATH}`);
    socket = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', key }));
      ready = true;
      for (const command of queue.splice(0)) ws.send(JSON.stringify(command));
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      const parsed = parseMessage(roomEventSchema, message.data);
      if (!parsed.ok) return void console.warn('[room] ignored an event that does not fit the protocol');
      for (const listener of listeners) listener(parsed.value);
    };
    ws.onclose = () => {
      ready = false;
      socket = null;
      // The host went away (command stopped): say so, and try again in a while.
      for (const listener of listeners) listener({ type: 'status', status: { open: false, problem: 'notAvailable' } });
      if (listeners.size > 0) win.setTimeout(connect, 3000);
    };
  }

  return {
    available: true,
    send(command) {
      if (ready && socket) socket.send(JSON.stringify(command));
      else queue.push(command);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
  };
}

function safeRead(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
