// The local room as the desktop app runs it: main starts the real room server
// (bound to and advertising 127.0.0.1 only), the facilitator's window drives it
// over the channel table, devices reach it over WebSocket, and closing the
// window ends every device's access.
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { channelsOf } from '../../shared/ipc';
import { roomEventSchema, type RoomEvent, type RoomRound, type RoomStatus } from '../../shared/room-protocol';
import { connectDevice, type TestDevice } from '../room/client';
import { resetFakeElectron, type BrowserWindow } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const ROUND: RoomRound = {
  language: 'en',
  round: { id: 'rd1', question: 'How enthusiastic was the customer?' },
  timeline: { phases: [{ id: 'ph1', name: 'Sales', width: 1 }], milestones: [], handoverId: null },
  scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
  people: [{ id: 'pA', name: 'Anna', team: 'Sales' }],
  teams: [{ id: 'tS', name: 'Sales' }],
  allowNewNames: false,
  namesOnRoomScreen: true,
  drawingOpen: true,
  drawnIds: [],
};

let ipc: IpcHarness;
let facilitator: BrowserWindow;
const devices: TestDevice[] = [];

beforeEach(async () => {
  resetFakeElectron();
  ipc = await startIpc();
  facilitator = ipc.main;
});

afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await ipc.dispose();
});

/** What main pushed to a window on the room's event channel, each checked against the protocol's schema. */
const roomEvents = (win: BrowserWindow): RoomEvent[] =>
  win.webContents.sent.filter(([channel]) => channel === CHANNELS.roomEvent).map(([, payload]) => roomEventSchema.parse(payload));

async function openedStatus(win: BrowserWindow): Promise<Extract<RoomStatus, { open: true }>> {
  await vi.waitFor(() => expect(roomEvents(win).some((e) => e.type === 'status' && e.status.open)).toBe(true));
  const status = await ipc.invoke(win, 'roomStatus');
  if (!status.open) throw new Error('the room is not open');
  return status;
}

async function joinedDevice(status: Extract<RoomStatus, { open: true }>): Promise<TestDevice> {
  const device = await connectDevice(status.join.port);
  devices.push(device);
  device.send({ type: 'hello', auth: { kind: 'link', key: new URL(status.join.joinUrl).hash.slice('#k='.length) } });
  await device.next('welcome');
  return device;
}

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

describe('the room in the desktop app', () => {
  it('is closed until the facilitator opens it; nothing listens', async () => {
    await expect(ipc.invoke(facilitator, 'roomStatus')).resolves.toEqual({ open: false, problem: null });
  });

  it('opens for the facilitator’s window, takes a device’s curve and hands it to that window', async () => {
    ipc.send(facilitator, 'roomCommand', { type: 'round', round: ROUND });
    ipc.send(facilitator, 'roomCommand', { type: 'open' });
    const status = await openedStatus(facilitator);
    expect(status.join.typedUrl).toBe(`http://127.0.0.1:${status.join.port}`);
    expect(await listening(status.join.port)).toBe(true);

    const device = await joinedDevice(status);
    device.send({ type: 'claim', participantId: 'pA' });
    await device.next('self');
    device.send({ type: 'submit', roundId: 'rd1', participantId: 'pA', points: [[0, 0.2], [1, 0.8]] });
    await device.next('accepted');
    await vi.waitFor(() =>
      expect(roomEvents(facilitator)).toContainEqual({ type: 'curve', participantId: 'pA', roundId: 'rd1', points: [[0, 0.2], [1, 0.8]] }),
    );
  });

  it('never offers the room to the room screen or the report window, and refuses their calls', async () => {
    expect(channelsOf('presenter').filter((name) => name.startsWith('room'))).toEqual(['roomState']);
    expect(channelsOf('report')).toEqual([]);
    const screen = await ipc.window('presenter');
    const report = await ipc.window('report');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipc.sendRaw(screen, 'roomCommand', [{ type: 'open' }]);
    ipc.sendRaw(report, 'roomCommand', [{ type: 'open' }]);
    await expect(ipc.invokeRaw(screen, 'roomStatus', [])).rejects.toThrow('roomStatus is not open to the presenter window');
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.roomCommand}:`, 'roomCommand is not open to the presenter window.');
    warn.mockRestore();
    await new Promise((done) => setTimeout(done, 50));
    await expect(ipc.invoke(facilitator, 'roomStatus')).resolves.toEqual({ open: false, problem: null });
  });

  it('refuses a command that does not fit the protocol, and nothing opens', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipc.sendRaw(facilitator, 'roomCommand', [{ type: 'open', port: 80 }, 'extra']);
    ipc.sendRaw(facilitator, 'roomCommand', [{ type: 'listen', host: '0.0.0.0' }]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.every(([text, reason]) => text === `Refused ${CHANNELS.roomCommand}:` && /refused arguments/.test(String(reason)))).toBe(true);
    warn.mockRestore();
    await new Promise((done) => setTimeout(done, 50));
    await expect(ipc.invoke(facilitator, 'roomStatus')).resolves.toEqual({ open: false, problem: null });
  });

  it('belongs to the window that opened it: another facilitator window can neither drive it nor hear it', async () => {
    ipc.send(facilitator, 'roomCommand', { type: 'open' });
    const status = await openedStatus(facilitator);
    const other = await ipc.window('main');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    ipc.send(other, 'roomCommand', { type: 'close' });
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.roomCommand}:`, 'The room belongs to another window.');
    warn.mockRestore();
    await expect(ipc.invokeRaw(other, 'roomStatus', [])).rejects.toThrow('another window');
    expect(await listening(status.join.port)).toBe(true);
    expect(roomEvents(other)).toEqual([]);
  });

  it('closes when the facilitator’s window closes: devices are told, the port is free', async () => {
    ipc.send(facilitator, 'roomCommand', { type: 'open' });
    const status = await openedStatus(facilitator);
    const device = await joinedDevice(status);
    facilitator.close();
    expect((await device.next('ended')).reason).toBe('closed');
    await vi.waitFor(async () => expect(await listening(status.join.port)).toBe(false));
    // A new facilitator window finds it closed and may open another.
    const next = await ipc.window('main');
    await expect(ipc.invoke(next, 'roomStatus')).resolves.toEqual({ open: false, problem: null });
  });

  it('closes on the facilitator’s command and on dispose (the app quits)', async () => {
    ipc.send(facilitator, 'roomCommand', { type: 'open' });
    let status = await openedStatus(facilitator);
    ipc.send(facilitator, 'roomCommand', { type: 'close' });
    await vi.waitFor(async () => expect(await listening(status.join.port)).toBe(false));

    facilitator.webContents.sent.length = 0;
    ipc.send(facilitator, 'roomCommand', { type: 'open' });
    status = await openedStatus(facilitator);
    const device = await joinedDevice(status);
    await ipc.room.dispose();
    expect((await device.next('ended')).reason).toBe('closed');
    expect(await listening(status.join.port)).toBe(false);
  });
});
