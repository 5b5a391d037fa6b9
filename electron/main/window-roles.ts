import type { BrowserWindow, WebContents } from 'electron';
import { IPC, type EventName, type PayloadOf, type WindowRole } from '../../shared/ipc';

/**
 * Which window is which to main: set when main creates a window, read on
 * every IPC call. A window main did not make has no role, and its calls are
 * refused like those of a role the channel is not open to.
 */
export class WindowRoles {
  private readonly roles = new Map<number, WindowRole>();

  assign(win: BrowserWindow, role: WindowRole): void {
    // Read once: win.webContents is gone after the window is destroyed.
    const id = win.webContents.id;
    this.roles.set(id, role);
    win.once('closed', () => this.roles.delete(id));
  }

  roleOf(win: BrowserWindow): WindowRole | undefined {
    return this.roles.get(win.webContents.id);
  }
}

/** Push a message of the table to a window; the payload's type is the channel's, the preload checks it on arrival. */
export function sendEvent<K extends EventName>(contents: WebContents, name: K, payload: PayloadOf<K>): void {
  contents.send(IPC[name].channel, payload);
}
