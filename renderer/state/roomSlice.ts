import type { StateCreator } from 'zustand';
import type { Timer } from '../domain/timer';
import type { RoomStatus } from '../../shared/room-protocol';
import type { AppState } from './store';

/**
 * The local room and the timer as the facilitator's window knows them. Not
 * part of the file and not undone: the room reports its status (who joined,
 * who is drawing), and only submitted curves enter the session, through the
 * same edit as a laptop drawing (roomWiring.ts).
 */
export interface RoomSlice {
  roomStatus: RoomStatus;
  /** Open or close asked for, no answer yet. */
  roomBusy: boolean;
  /** Devices may enter a name that is not on the list (the facilitator confirms each). */
  roomAllowNewNames: boolean;
  /** The timebox of the current step; null when no timer is shown. */
  timer: Timer | null;
  setRoomStatus(status: RoomStatus): void;
  setRoomBusy(busy: boolean): void;
  setRoomAllowNewNames(allow: boolean): void;
  setTimer(timer: Timer | null): void;
}

export const createRoomSlice: StateCreator<AppState, [['temporal', unknown]], [], RoomSlice> = (set) => ({
  roomStatus: { open: false, problem: null },
  roomBusy: false,
  roomAllowNewNames: false,
  timer: null,
  setRoomStatus: (roomStatus) => set({ roomStatus, roomBusy: false }),
  setRoomBusy: (roomBusy) => set({ roomBusy }),
  setRoomAllowNewNames: (roomAllowNewNames) => set({ roomAllowNewNames }),
  setTimer: (timer) => set({ timer }),
});
