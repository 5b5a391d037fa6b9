import type { FacilitatorCommand, RoomEvent } from '../../shared/room-protocol';

/**
 * The facilitator's door to the local room: commands out, events in. The
 * host carries them: Electron's main process runs the room server in-process
 * (not wired yet: see README), the browser build talks to `npm run room`'s
 * loopback control socket (room-browser.ts). Where neither is there, the room
 * is unavailable and the UI says how to get it.
 */
export interface RoomPort {
  readonly available: boolean;
  send(command: FacilitatorCommand): void;
  /** Room events (status, submitted curves); returns an unsubscribe function. */
  onEvent(listener: (event: RoomEvent) => void): () => void;
}

export const UNAVAILABLE_ROOM: RoomPort = {
  available: false,
  send() {
    // Nothing carries commands: the UI shows the room as unavailable instead of offering it.
  },
  onEvent() {
    return () => undefined;
  },
};
