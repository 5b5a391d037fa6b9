// The presenter's channels of the table, played from the facilitator's window and the room screen.
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { IPC, type IpcName } from '../../shared/ipc';
import type { PresenterWindows } from '../../electron/main/presenter-window';
import { ROOM_LIMITS, ROOM_STATE_VERSION, type RoomState } from '../../shared/room-state';
import { BrowserWindow, fakeDisplay, ipcMain, LAPTOP_DISPLAY, resetFakeElectron, screen, type FakeWebContents } from './fake-electron';
import { startIpc, type IpcHarness } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const PROJECTOR = fakeDisplay(2, { x: 1920, y: 0, width: 1280, height: 720 });

let ipc: IpcHarness;
let facilitator: BrowserWindow;
let presenter: PresenterWindows;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  resetFakeElectron();
  screen.displays = [LAPTOP_DISPLAY, PROJECTOR];
  ipc = await startIpc();
  facilitator = ipc.main;
  presenter = ipc.presenter;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  warn.mockRestore();
  // Opening and closing the presenter remembers its display with a write that may still be running.
  await ipc.dispose();
});

function roomState(overrides: Partial<RoomState> = {}): RoomState {
  return {
    version: ROOM_STATE_VERSION,
    rev: 1,
    language: 'en',
    title: 'Atlas',
    question: 'How enthusiastic was the customer?',
    screen: { kind: 'reveal', step: 1, steps: 1, shown: 1, total: 1 },
    timeline: { phases: [{ id: 'ph1', name: 'Kickoff', width: 1 }], milestones: [{ id: 'm1', name: 'Handover', at: 0.4 }], handoverId: 'm1' },
    scale: { low: 'disappointed', mid: 'satisfied', high: 'thrilled' },
    curves: [
      {
        key: 'p1',
        label: 'Sales 1',
        team: 'Sales',
        color: '#0072B2',
        lineStyle: 'solid',
        marker: 'none',
        markerPoints: [],
        faded: false,
        highlighted: false,
        points: [[0, 0.2], [1, 0.8]],
      },
    ],
    legend: [
      { name: 'Sales', lineStyle: 'solid', highlighted: false, members: [{ key: 'p1', label: 'Sales 1', color: '#0072B2', lineStyle: 'solid', marker: 'none', highlighted: false, pending: false }] },
    ],
    anonymous: true,
    compare: null,
    notes: [],
    timer: null,
    join: null,
    ...overrides,
  };
}

const nameOf = (channel: string) => (Object.keys(IPC) as IpcName[]).find((name) => IPC[name].channel === channel)!;
/** Calls through the harness, so an answer is also checked against the channel's result schema. */
const invoke = async (from: FakeWebContents, channel: string, ...args: unknown[]) => {
  const answer = await ipcMain.invokeFrom(from, channel, args);
  const spec = IPC[nameOf(channel)];
  return spec.kind === 'invoke' ? spec.result.parse(answer) : answer;
};
const send = (from: FakeWebContents, channel: string, ...args: unknown[]) => ipcMain.sendFrom(from, channel, args);
const relayed = (win: BrowserWindow) => win.webContents.sent.filter(([channel]) => channel === CHANNELS.roomState);

async function openRoom(): Promise<BrowserWindow> {
  await invoke(facilitator.webContents, CHANNELS.openPresenter, null);
  return presenter.window as unknown as BrowserWindow;
}

describe('presenter IPC', () => {
  it('opens the presenter for the facilitator and lists displays', async () => {
    await expect(invoke(facilitator.webContents, CHANNELS.listDisplays)).resolves.toHaveLength(2);
    await expect(invoke(facilitator.webContents, CHANNELS.openPresenter, null)).resolves.toEqual({ open: true, displayId: PROJECTOR.id });
    await expect(invoke(facilitator.webContents, CHANNELS.openPresenter, PROJECTOR.id)).resolves.toEqual({ open: true, displayId: PROJECTOR.id });
  });

  it.each([
    ['a string', ['2']],
    ['a fraction', [2.5]],
    ['no argument', []],
    ['two arguments', [2, 3]],
  ])('refuses a display id that is %s', async (_what, args) => {
    await expect(ipcMain.invokeFrom(facilitator.webContents, CHANNELS.openPresenter, args)).rejects.toThrow();
    expect(presenter.window).toBeNull();
  });

  it('relays the facilitator’s room state to the presenter window, and the latest to a window that starts late', async () => {
    send(facilitator.webContents, CHANNELS.publishRoomState, roomState({ rev: 1 }));
    const room = await openRoom();
    await expect(invoke(room.webContents, CHANNELS.currentRoomState)).resolves.toEqual(roomState({ rev: 1 }));
    send(facilitator.webContents, CHANNELS.publishRoomState, roomState({ rev: 2 }));
    expect(relayed(room)).toEqual([[CHANNELS.roomState, roomState({ rev: 2 })]]);
  });

  it('refuses a foreign page: nothing is relayed', async () => {
    const room = await openRoom();
    facilitator.webContents.mainFrame.url = 'https://evil.example/';
    send(facilitator.webContents, CHANNELS.publishRoomState, roomState());
    await expect(invoke(facilitator.webContents, CHANNELS.openPresenter, null)).rejects.toThrow(/untrusted sender/);
    expect(relayed(room)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.publishRoomState}:`, expect.stringMatching(/untrusted sender/));
  });

  it('refuses another of our windows: only the facilitator window that opened the presenter publishes to it', async () => {
    const room = await openRoom();
    const other = await ipc.window('main');
    send(other.webContents, CHANNELS.publishRoomState, roomState({ title: 'Other' }));
    expect(relayed(room)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.publishRoomState}:`, expect.stringMatching(/opened the presenter/));
  });

  it('refuses the presenter window as a facilitator, and other windows as the presenter', async () => {
    const room = await openRoom();
    send(room.webContents, CHANNELS.publishRoomState, roomState());
    expect(relayed(room)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.publishRoomState}:`, 'publishRoomState is not open to the presenter window.');
    await expect(invoke(room.webContents, CHANNELS.openPresenter, null)).rejects.toThrow(/not open to the presenter window/);
    await expect(invoke(room.webContents, CHANNELS.listDisplays)).rejects.toThrow(/not open to the presenter window/);
    send(room.webContents, CHANNELS.closePresenter);
    expect(room.isDestroyed()).toBe(false);
    await expect(invoke(facilitator.webContents, CHANNELS.currentRoomState)).rejects.toThrow(/not open to the main window/);
  });

  const bad: [string, unknown[]][] = [
    ['no argument', []],
    ['a string', ['{}']],
    ['another version', [roomState({ version: (ROOM_STATE_VERSION + 1) as never })]],
    ['an extra key', [{ ...roomState(), names: ['Sam'] }]],
    ['a missing key', [(({ anonymous: _a, ...rest }) => rest)(roomState())]],
    ['an unknown screen', [roomState({ screen: { kind: 'admin' } as never })]],
    ['a screen with extra keys', [roomState({ screen: { kind: 'setup', drawer: 'Sam' } as never })]],
    ['a level above 1', [roomState({ curves: [{ ...roomState().curves[0]!, points: [[0, 1.5]] }] })]],
    ['a point that is not a pair', [roomState({ curves: [{ ...roomState().curves[0]!, points: [[0, 0.5, 1]] as never }] })]],
    ['a colour that is not #rrggbb', [roomState({ curves: [{ ...roomState().curves[0]!, color: 'url(https://evil.example/)' }] })]],
    ['an unknown line style', [roomState({ legend: [{ ...roomState().legend[0]!, lineStyle: 'wavy' as never }] })]],
    ['a negative revision', [roomState({ rev: -1 })]],
    ['a huge label', [roomState({ title: 'x'.repeat(ROOM_LIMITS.text + 1) })]],
    ['too many curves', [roomState({ curves: Array.from({ length: ROOM_LIMITS.curves + 1 }, () => roomState().curves[0]!) })]],
    ['a class instance', [Object.assign(new (class State {})(), roomState())]],
  ];
  it.each(bad)('refuses a room state with %s', async (_what, args) => {
    const room = await openRoom();
    ipcMain.sendFrom(facilitator.webContents, CHANNELS.publishRoomState, args);
    expect(relayed(room)).toEqual([]);
    await expect(invoke(room.webContents, CHANNELS.currentRoomState)).resolves.toBeNull();
    expect(warn).toHaveBeenCalledWith(`Refused ${CHANNELS.publishRoomState}:`, expect.any(String));
  });

  it('closes the presenter when the facilitator asks', async () => {
    const room = await openRoom();
    send(facilitator.webContents, CHANNELS.closePresenter);
    expect(room.isDestroyed()).toBe(true);
  });

  it('sets full screen only with a boolean', () => {
    send(facilitator.webContents, CHANNELS.setFullScreen, 'yes');
    expect(facilitator.isFullScreen()).toBe(false);
    send(facilitator.webContents, CHANNELS.setFullScreen, true);
    expect(facilitator.isFullScreen()).toBe(true);
    expect(facilitator.webContents.sent).toContainEqual([CHANNELS.fullScreenChange, true]);
  });

  it('gives the room screen its role: its calls outside its part are refused', async () => {
    const room = await openRoom();
    expect(ipc.roles.roleOf(room as unknown as ElectronWindow)).toBe('presenter');
    expect((room.options.webPreferences as { additionalArguments: string[] }).additionalArguments).toEqual(['--wavelength-role=presenter']);
    await expect(invoke(room.webContents, CHANNELS.saveSession, { text: '{}', fileId: null, saveAs: true, suggestedName: 'x' })).rejects.toThrow(
      /not open to the presenter window/,
    );
  });
});
