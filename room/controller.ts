/**
 * The facilitator's side of the room, whatever carries it: Electron's main
 * process calls it in-process, the browser build's host (host.ts) over a
 * loopback-only socket. It opens and closes the one room, keeps the latest
 * round and timer so a room opened later starts with them, and passes the
 * room's events on.
 */
import type { AddressChoice, FacilitatorCommand, RoomEvent, RoomRound, RoomStatus, TimerWire } from '../shared/room-protocol';
import { listAddresses } from './addresses';
import { openRoom, type Room } from './server';
import type { StaticFile } from './static-files';

export interface RoomControllerOptions {
  /** The participant page's files; read when a room opens, so a rebuilt bundle is picked up. */
  readonly files: () => ReadonlyMap<string, StaticFile>;
  readonly bindHost?: string;
  readonly port?: number;
  /** The addresses to advertise; by default the machine's interfaces, ranked. */
  readonly addresses?: () => AddressChoice[];
}

export interface RoomController {
  run(command: FacilitatorCommand): Promise<void>;
  status(): RoomStatus;
  onEvent(listener: (event: RoomEvent) => void): () => void;
  /** Close the room, if open (app quit, host stopped). */
  dispose(): Promise<void>;
}

export function createRoomController(options: RoomControllerOptions): RoomController {
  let room: Room | null = null;
  let opening: Promise<void> | null = null;
  let round: RoomRound | null = null;
  let timer: TimerWire | null = null;
  let closedStatus: RoomStatus = { open: false, problem: null };
  const listeners = new Set<(event: RoomEvent) => void>();
  const emit = (event: RoomEvent) => {
    for (const listener of listeners) listener(event);
  };

  async function open(): Promise<void> {
    if (room) return;
    const addresses = (options.addresses ?? listAddresses)();
    if (addresses.length === 0) {
      closedStatus = { open: false, problem: 'noAddress' };
      emit({ type: 'status', status: closedStatus });
      return;
    }
    try {
      const opened = await openRoom({ files: options.files(), bindHost: options.bindHost ?? '0.0.0.0', port: options.port, addresses });
      room = opened;
      opened.onEvent((event) => {
        if (event.type === 'status' && !event.status.open && room === opened) room = null;
        emit(event);
      });
      opened.setRound(round);
      opened.setTimer(timer);
      closedStatus = { open: false, problem: null };
      emit({ type: 'status', status: opened.status() });
    } catch (error) {
      console.error('[room] could not open:', error);
      closedStatus = { open: false, problem: 'listenFailed' };
      emit({ type: 'status', status: closedStatus });
    }
  }

  async function close(): Promise<void> {
    const current = room;
    room = null;
    await current?.close();
  }

  return {
    async run(command) {
      switch (command.type) {
        case 'open':
          opening ??= open().finally(() => (opening = null));
          return opening;
        case 'close':
          await opening;
          return close();
        case 'round':
          round = command.round;
          room?.setRound(round);
          return;
        case 'timer':
          timer = command.timer;
          room?.setTimer(timer);
          return;
        case 'chooseAddress':
          room?.chooseAddress(command.address);
          return;
        case 'decide':
          room?.decide(command.requestId, command.accept, command.participantId);
          return;
      }
    },
    status: () => room?.status() ?? closedStatus,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: close,
  };
}
