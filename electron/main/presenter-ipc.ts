/**
 * The presenter's channels of the contract. Like ipc.ts, every call first
 * proves it comes from our page in one of our windows; then who may ask is
 * checked by role: the facilitator's window opens, moves and closes the
 * presenter and publishes the room state; only the presenter window reads it.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { CHANNELS, type PresenterDisplay, type PresenterStatus, type RoomState } from '../../shared/contract';
import { IpcSenderError, trustedWindowOf } from './ipc';
import type { PresenterWindows } from './presenter-window';
import { parseRoomState } from './room-state';
import { expectArgumentCount, expectBoolean, IpcArgumentError } from './validate';

export function registerPresenterIpc(presenter: PresenterWindows, devServerUrl: string | undefined): () => void {
  const handle = <T>(channel: string, handler: (win: BrowserWindow, args: unknown[]) => T | Promise<T>): void => {
    ipcMain.handle(channel, async (event, ...args) => handler(trustedWindowOf(event, devServerUrl), args));
  };
  // As in ipc.ts: a refused fire-and-forget message is logged and dropped, never thrown in main.
  const listen = (channel: string, listener: (win: BrowserWindow, args: unknown[]) => void): void => {
    ipcMain.on(channel, (event, ...args) => {
      try {
        listener(trustedWindowOf(event, devServerUrl), args);
      } catch (error) {
        console.warn(`Refused ${channel}:`, error instanceof Error ? error.message : error);
      }
    });
  };
  const facilitator = (win: BrowserWindow): BrowserWindow => {
    if (presenter.isPresenter(win)) throw new IpcSenderError('The presenter window cannot control the presenter.');
    return win;
  };

  handle(CHANNELS.listDisplays, (win, args): Promise<PresenterDisplay[]> => {
    expectArgumentCount(args, 0);
    return presenter.listDisplays(facilitator(win));
  });

  handle(CHANNELS.openPresenter, (win, args): Promise<PresenterStatus> => {
    expectArgumentCount(args, 1);
    return presenter.open(facilitator(win), parseDisplayId(args[0]));
  });

  listen(CHANNELS.closePresenter, (win, args) => {
    expectArgumentCount(args, 0);
    facilitator(win);
    presenter.close();
  });

  listen(CHANNELS.publishRoomState, (win, args) => {
    expectArgumentCount(args, 1);
    presenter.publish(facilitator(win), parseRoomState(args[0]));
  });

  handle(CHANNELS.currentRoomState, (win, args): RoomState | null => {
    expectArgumentCount(args, 0);
    return presenter.currentState(win);
  });

  listen(CHANNELS.setFullScreen, (win, args) => {
    expectArgumentCount(args, 1);
    presenter.setFullScreen(win, expectBoolean(args[0], 'on'));
  });

  return () => {
    for (const channel of [CHANNELS.listDisplays, CHANNELS.openPresenter, CHANNELS.currentRoomState]) ipcMain.removeHandler(channel);
    for (const channel of [CHANNELS.closePresenter, CHANNELS.publishRoomState, CHANNELS.setFullScreen]) ipcMain.removeAllListeners(channel);
  };
}

function parseDisplayId(value: unknown): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) throw new IpcArgumentError('displayId must be a whole number or null.');
  return value as number;
}
