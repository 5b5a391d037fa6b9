import type { PresenterHost, PresenterStatus, RoomState, RoomStep } from './platform';
import { newerRoomStates } from './room-sequence';

/** The BroadcastChannel both windows of the browser build talk on (same origin only, by design of the API). */
export const PRESENTER_CHANNEL = 'wavelength-presenter';
/** window.open target name: a second Present reuses the window instead of opening another. */
export const PRESENTER_WINDOW_NAME = 'wavelength-presenter';
/** How often the facilitator's page checks whether the presenter window was closed. */
const CLOSED_POLL_MS = 400;

type Message = { type: 'state'; state: RoomState } | { type: 'hello' } | { type: 'step'; direction: RoomStep };

/**
 * The presenter in the browser build: a second window of the same page
 * (`?view=presenter`), opened with window.open from a click or key press, and
 * a BroadcastChannel that carries the room state. The room window says
 * "hello" when it starts and the facilitator answers with the latest state,
 * so the order in which the windows load does not matter. A browser cannot
 * choose a display: the user drags the window to the projector and presses
 * F11 (or the room view's full-screen button).
 */
export function createBrowserPresenter(win: Window = window): PresenterHost {
  const doc = win.document;
  let channel: BroadcastChannel | null = null;
  let latest: RoomState | null = null;
  let popup: Window | null = null;
  let poll = 0;
  const statusListeners = new Set<(status: PresenterStatus) => void>();
  const stateListeners = new Set<(state: RoomState) => void>();
  const stepListeners = new Set<(direction: RoomStep) => void>();

  const status = (): PresenterStatus => ({ open: popup !== null && !popup.closed, displayId: null });
  const tellStatus = () => {
    const now = status();
    for (const listener of statusListeners) listener(now);
  };

  const open = (): BroadcastChannel | null => {
    if (channel) return channel;
    if (typeof BroadcastChannel !== 'function') return null;
    const created = new BroadcastChannel(PRESENTER_CHANNEL);
    created.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data as Partial<Message> | null;
      if (message?.type === 'hello' && latest) created.postMessage({ type: 'state', state: latest } satisfies Message);
      else if (message?.type === 'state' && message.state) for (const listener of stateListeners) listener(message.state);
      else if (message?.type === 'step' && (message.direction === 'next' || message.direction === 'previous')) {
        for (const listener of stepListeners) listener(message.direction);
      }
    };
    channel = created;
    return created;
  };

  const watchPopup = () => {
    win.clearInterval(poll);
    poll = win.setInterval(() => {
      if (popup && !popup.closed) return;
      win.clearInterval(poll);
      popup = null;
      tellStatus();
    }, CLOSED_POLL_MS);
  };

  // Closing (or reloading) the facilitator's page closes the room view, as in Electron.
  win.addEventListener('pagehide', () => popup?.close());

  return {
    picksDisplays: false,

    async listDisplays() {
      return [];
    },

    async open() {
      if (popup && !popup.closed) {
        popup.focus();
        return { kind: 'opened', status: status() };
      }
      // Listen before the room window starts, so its hello is answered.
      open();
      const url = new URL(win.location.href);
      url.search = '?view=presenter';
      url.hash = '';
      const opened = win.open(url.toString(), PRESENTER_WINDOW_NAME, 'popup=yes,width=1280,height=720');
      if (!opened) return { kind: 'blocked' };
      popup = opened;
      watchPopup();
      tellStatus();
      return { kind: 'opened', status: status() };
    },

    close() {
      popup?.close();
      popup = null;
      win.clearInterval(poll);
      tellStatus();
    },

    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },

    publish(state) {
      latest = state;
      open()?.postMessage({ type: 'state', state } satisfies Message);
    },

    onState(listener) {
      const relay = newerRoomStates(listener);
      stateListeners.add(relay);
      open()?.postMessage({ type: 'hello' } satisfies Message);
      return () => stateListeners.delete(relay);
    },

    requestStep(direction) {
      open()?.postMessage({ type: 'step', direction } satisfies Message);
    },

    onStepRequest(listener) {
      open();
      stepListeners.add(listener);
      return () => stepListeners.delete(listener);
    },

    setFullScreen(on) {
      // Headless browsers, iframes and policies may refuse: the present mode then fills the window instead.
      try {
        if (on && !doc.fullscreenElement) void doc.documentElement.requestFullscreen?.()?.catch(() => undefined);
        if (!on && doc.fullscreenElement) void doc.exitFullscreen?.()?.catch(() => undefined);
      } catch {
        // Not available at all.
      }
    },

    onFullScreenChange(listener) {
      const changed = () => listener(doc.fullscreenElement !== null);
      doc.addEventListener('fullscreenchange', changed);
      return () => doc.removeEventListener('fullscreenchange', changed);
    },
  };
}
