import type { WavelengthApi } from '../../shared/contract';
import type { FacilitatorCommand, RoomEvent } from '../../shared/room-protocol';
import type { RoomPort } from './room';

/**
 * The desktop app's door to the room: main runs the room server and carries
 * commands and events over the channel table (roomCommand, roomEvent,
 * roomStatus; the preload checks each event with the protocol's schema on
 * arrival). Only the facilitator's window has these channels. The first
 * subscriber also asks for the room's current status, so a reloaded page
 * finds a room that is still open.
 */
export function createElectronRoom(api: WavelengthApi): RoomPort {
  const listeners = new Set<(event: RoomEvent) => void>();
  let unsubscribe: (() => void) | null = null;
  const emit = (event: RoomEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    available: true,
    send(command: FacilitatorCommand) {
      api.roomCommand(command);
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!unsubscribe) {
        unsubscribe = api.onRoomEvent(emit);
        api.roomStatus().then(
          (status) => emit({ type: 'status', status }),
          (error: unknown) => console.warn('[room] could not ask for the room’s status:', error),
        );
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}
