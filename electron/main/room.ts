/**
 * The local room in the desktop app: main runs the room server module
 * (room/, plain Node, no Electron) in-process and is the facilitator's only
 * way to it. The facilitator's window sends commands over the channel table
 * (roomCommand; role `main` only, the room screen and the report window
 * never see these channels) and hears the room's events (roomEvent): the
 * devices' states and submitted curves. The controls are never on the
 * network.
 *
 * The room belongs to the facilitator's window that first spoke to it: its
 * events go there only, another window's commands are refused, and when
 * that window closes the room closes with it, so nothing listens for a
 * facilitator who is gone. Quitting the app closes it too (index.ts).
 */
import type { BrowserWindow } from 'electron';
import { createRoomController, type RoomController, type RoomControllerOptions } from '../../room/controller';
import type { FacilitatorCommand, RoomStatus } from '../../shared/room-protocol';
import { sendEvent } from './window-roles';

export class RoomService {
  private readonly controller: RoomController;
  private owner: BrowserWindow | null = null;

  constructor(options: RoomControllerOptions) {
    this.controller = createRoomController(options);
    this.controller.onEvent((event) => {
      const owner = this.owner;
      if (owner && !owner.isDestroyed()) sendEvent(owner.webContents, 'roomEvent', event);
    });
  }

  /** A command from a facilitator's window (already checked against the table's schema). */
  run(window: BrowserWindow, command: FacilitatorCommand): Promise<void> {
    this.claim(window);
    // The controller answers with a status event either way; a failure here is only worth a log line.
    return this.controller.run(command).catch((error: unknown) => console.error('[room] a command failed:', error));
  }

  /** What the room is now: a reloaded facilitator page asks once, then follows the events. */
  status(window: BrowserWindow): RoomStatus {
    this.claim(window);
    return this.controller.status();
  }

  /** Close the room, if open: the app quits. */
  dispose(): Promise<void> {
    return this.controller.dispose();
  }

  private claim(window: BrowserWindow): void {
    if (this.owner === window) return;
    if (this.owner && !this.owner.isDestroyed()) throw new Error('The room belongs to another window.');
    this.owner = window;
    window.once('closed', () => {
      if (this.owner !== window) return;
      this.owner = null;
      void this.controller.run({ type: 'close' });
    });
  }
}
