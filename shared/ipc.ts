/**
 * The one table of the process boundary: every IPC channel between main and
 * the windows, with the zod schemas of its arguments and its result (or of
 * what main pushes), and the window roles allowed to use it. Everything else
 * is derived from it:
 *
 * - main registers one handler per channel (electron/main/ipc.ts); a call from
 *   a window whose role is not listed is refused, arguments are parsed with
 *   the schema before the handler runs;
 * - each window's preload (electron/preload/index.ts) exposes exactly its
 *   role's part as `window.wavelength`, checking results and pushed messages;
 * - the renderer's platform door (renderer/platform/electron.ts) is typed by
 *   RoleApi, so a method and its channel cannot drift apart.
 *
 * The API is intent-level: the renderer asks to "open a session" or "save
 * this text", never for a path. Files are named by opaque fileIds main hands
 * out after a native dialog.
 */
import { z } from 'zod';
import { facilitatorCommandSchema, roomEventSchema, roomStatusSchema } from './room-protocol';
import { roomStateSchema } from './room-state';
import {
  appCommandSchema,
  autosaveReadResultSchema,
  autosaveWriteRequestSchema,
  copyImageRequestSchema,
  copyImageResultSchema,
  displayIdSchema,
  documentStateSchema,
  exportFileRequestSchema,
  exportPdfRequestSchema,
  exportResultSchema,
  externalFileResultSchema,
  fileIdSchema,
  launchFileResultSchema,
  nativeTextsSchema,
  openSessionResultSchema,
  presenterDisplaySchema,
  presenterStatusSchema,
  recentFilesSchema,
  saveSessionRequestSchema,
  saveSessionResultSchema,
  unsavedChoiceSchema,
} from './messages';

/**
 * Who a window is to main: the facilitator's window (`main`), the room screen
 * (`presenter`), a hidden report window that prints the PDF (`report`).
 */
export const WINDOW_ROLES = ['main', 'presenter', 'report'] as const;
export type WindowRole = (typeof WINDOW_ROLES)[number];

/** The switch main puts on a window's command line (webPreferences.additionalArguments) so its preload knows its role. */
export const ROLE_ARGUMENT_PREFIX = '--wavelength-role=';

/** The renderer calls and waits for a result (ipcRenderer.invoke / ipcMain.handle). */
export interface InvokeSpec<A extends z.ZodTuple = z.ZodTuple, R extends z.ZodType = z.ZodType, Roles extends readonly WindowRole[] = readonly WindowRole[]> {
  readonly kind: 'invoke';
  readonly channel: string;
  readonly args: A;
  readonly result: R;
  readonly roles: Roles;
}

/** The renderer tells main something and does not wait (ipcRenderer.send / ipcMain.on). */
export interface SendSpec<A extends z.ZodTuple = z.ZodTuple, Roles extends readonly WindowRole[] = readonly WindowRole[]> {
  readonly kind: 'send';
  readonly channel: string;
  readonly args: A;
  readonly roles: Roles;
}

/** Main pushes something to a window (webContents.send / ipcRenderer.on); `roles` are the windows that listen. */
export interface EventSpec<P extends z.ZodType = z.ZodType, Roles extends readonly WindowRole[] = readonly WindowRole[]> {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload: P;
  readonly roles: Roles;
}

export type ChannelSpec = InvokeSpec | SendSpec | EventSpec;

const invoke = <A extends z.ZodTuple, R extends z.ZodType, const Roles extends readonly WindowRole[]>(
  channel: string,
  spec: { args: A; result: R; roles: Roles },
): InvokeSpec<A, R, Roles> => ({ kind: 'invoke', channel, ...spec });
const send = <A extends z.ZodTuple, const Roles extends readonly WindowRole[]>(channel: string, spec: { args: A; roles: Roles }): SendSpec<A, Roles> => ({
  kind: 'send',
  channel,
  ...spec,
});
const event = <P extends z.ZodType, const Roles extends readonly WindowRole[]>(channel: string, spec: { payload: P; roles: Roles }): EventSpec<P, Roles> => ({
  kind: 'event',
  channel,
  ...spec,
});

/*
 * The room state is described by its one schema (room-state.ts): main's
 * publishRoomState handler parses it with parseRoomState (which also refuses
 * anything but plain data and names the first problem), and the presenter's
 * preload checks what main hands back with the same schema.
 */

const none = z.tuple([]);

export const IPC = {
  // --- Files: the facilitator's window only ---------------------------------
  openSession: invoke('wavelength:open-session', { args: none, result: openSessionResultSchema, roles: ['main'] }),
  saveSession: invoke('wavelength:save-session', { args: z.tuple([saveSessionRequestSchema]), result: saveSessionResultSchema, roles: ['main'] }),
  confirmUnsaved: invoke('wavelength:confirm-unsaved', { args: z.tuple([nativeTextsSchema]), result: unsavedChoiceSchema, roles: ['main'] }),
  setDocumentState: send('wavelength:set-document-state', { args: z.tuple([documentStateSchema]), roles: ['main'] }),
  setNativeTexts: send('wavelength:set-native-texts', { args: z.tuple([nativeTextsSchema]), roles: ['main'] }),
  /** Close this window now (after a save requested by 'app.saveAndClose' succeeded). */
  closeWindow: send('wavelength:close-window', { args: none, roles: ['main'] }),
  /** Commands from the native menu and the close guard. */
  command: event('wavelength:command', { payload: appCommandSchema, roles: ['main'] }),
  /** The file the app was started with (once; later calls get 'none'). */
  takeLaunchFile: invoke('wavelength:launch-file-take', { args: none, result: launchFileResultSchema, roles: ['main'] }),
  /** A file to open while the app runs (second start with a file, macOS Finder). */
  openFile: event('wavelength:open-file', { payload: externalFileResultSchema, roles: ['main'] }),

  // --- Recent documents: the facilitator's window only -----------------------
  /** The files opened or saved lately, newest first (the start screen's list; the menu has its own copy in main). */
  listRecent: invoke('wavelength:recent-list', { args: none, result: recentFilesSchema, roles: ['main'] }),
  /** Read a file of the recent list again, checked like any file from outside (exists, extension, readable). */
  openRecent: invoke('wavelength:recent-open', { args: z.tuple([fileIdSchema]), result: externalFileResultSchema, roles: ['main'] }),
  clearRecent: invoke('wavelength:recent-clear', { args: none, result: z.undefined(), roles: ['main'] }),
  /** The recent list changed (a file opened or saved, the list cleared, a file gone). */
  recentChanged: event('wavelength:recent-changed', { payload: recentFilesSchema, roles: ['main'] }),

  // --- Clipboard --------------------------------------------------------------
  /** Put the chart picture the renderer made on the clipboard; main writes it, so the page needs no clipboard permission. */
  copyImage: invoke('wavelength:copy-image', { args: z.tuple([copyImageRequestSchema]), result: copyImageResultSchema, roles: ['main'] }),

  // --- Crash recovery -------------------------------------------------------
  /** Keep the unsaved session in the app's data folder (replacing the previous autosave). */
  writeAutosave: invoke('wavelength:autosave-write', { args: z.tuple([autosaveWriteRequestSchema]), result: z.undefined(), roles: ['main'] }),
  /** The autosave a previous run left behind, if any. */
  readAutosave: invoke('wavelength:autosave-read', { args: none, result: autosaveReadResultSchema, roles: ['main'] }),
  /** Forget the autosave: the session was saved, discarded or replaced. */
  clearAutosave: invoke('wavelength:autosave-clear', { args: none, result: z.undefined(), roles: ['main'] }),

  // --- Export ---------------------------------------------------------------
  /** Ask where, render the report hidden, print it to PDF and write it there. */
  exportPdf: invoke('wavelength:export-pdf', { args: z.tuple([exportPdfRequestSchema]), result: exportResultSchema, roles: ['main'] }),
  /** Ask where and write a chart or curve file the renderer made. */
  exportFile: invoke('wavelength:export-file', { args: z.tuple([exportFileRequestSchema]), result: exportResultSchema, roles: ['main'] }),

  // --- The room screen --------------------------------------------------------
  /** The displays the presenter window can go on. */
  listDisplays: invoke('wavelength:presenter-list-displays', { args: none, result: z.array(presenterDisplaySchema).max(64), roles: ['main'] }),
  /** Open the presenter window full screen on a display (null: main's suggestion), or move it there. */
  openPresenter: invoke('wavelength:presenter-open', { args: z.tuple([displayIdSchema]), result: presenterStatusSchema, roles: ['main'] }),
  closePresenter: send('wavelength:presenter-close', { args: none, roles: ['main'] }),
  /** The presenter window opened, moved or closed. */
  presenterStatus: event('wavelength:presenter-status', { payload: presenterStatusSchema, roles: ['main'] }),
  /** The room state changed; main checks it and relays it to the presenter window. */
  publishRoomState: send('wavelength:room-state-publish', { args: z.tuple([z.unknown()]), roles: ['main'] }),
  /** The presenter window, as it starts: the latest room state (null before the first). */
  currentRoomState: invoke('wavelength:room-state-current', { args: none, result: roomStateSchema.nullable(), roles: ['presenter'] }),
  /** Room states from the facilitator's window, relayed by main. */
  roomState: event('wavelength:room-state', { payload: roomStateSchema, roles: ['presenter'] }),
  /** Full screen for this window (the single-screen present mode; the room screen). */
  setFullScreen: send('wavelength:set-full-screen', { args: z.tuple([z.boolean()]), roles: ['main', 'presenter'] }),
  /** This window entered or left full screen, by any means. */
  fullScreenChange: event('wavelength:full-screen-changed', { payload: z.boolean(), roles: ['main', 'presenter'] }),

  // --- The local room: the facilitator's window only ---------------------------
  // Main runs the room server (electron/main/room.ts); its controls never reach the network,
  // the room screen or the report window.
  /** Open or close the room, hand it the round and the timer, choose the address, decide a request. */
  roomCommand: send('wavelength:room-command', { args: z.tuple([facilitatorCommandSchema]), roles: ['main'] }),
  /** The room as it is now (a reloaded page asks once, then follows roomEvent). */
  roomStatus: invoke('wavelength:room-status', { args: none, result: roomStatusSchema, roles: ['main'] }),
  /** The room's status changed, or a device submitted a curve. */
  roomEvent: event('wavelength:room-event', { payload: roomEventSchema, roles: ['main'] }),
} as const satisfies Record<string, ChannelSpec>;

export type IpcTable = typeof IPC;
export type IpcName = keyof IpcTable;

type NamesOf<Kind extends ChannelSpec['kind']> = { [K in IpcName]: IpcTable[K]['kind'] extends Kind ? K : never }[IpcName];
export type InvokeName = NamesOf<'invoke'>;
export type SendName = NamesOf<'send'>;
export type EventName = NamesOf<'event'>;

/** The arguments of a renderer → main channel, as a tuple. */
export type ArgsOf<K extends InvokeName | SendName> = z.infer<IpcTable[K]['args']>;
export type ResultOf<K extends InvokeName> = z.infer<IpcTable[K]['result']>;
export type PayloadOf<K extends EventName> = z.infer<IpcTable[K]['payload']>;
export type RolesOf<K extends IpcName> = IpcTable[K]['roles'][number];

/** The preload's name for a channel: the channel's own name, or `on<Name>` for what main pushes. */
export type ApiKeyOf<K extends IpcName> = K extends EventName ? `on${Capitalize<K>}` : K;

type ApiMethod<K extends IpcName> = K extends InvokeName
  ? (...args: ArgsOf<K>) => Promise<ResultOf<K>>
  : K extends SendName
    ? (...args: ArgsOf<K>) => void
    : K extends EventName
      ? (listener: (payload: PayloadOf<K>) => void) => () => void
      : never;

/** What a window of `role` finds as `window.wavelength`: its part of the table, nothing else. */
export type RoleApi<R extends WindowRole> = { readonly role: R } & {
  readonly [K in IpcName as R extends RolesOf<K> ? ApiKeyOf<K> : never]: ApiMethod<K>;
};

/** The facilitator's window's API. */
export type WavelengthApi = RoleApi<'main'>;
export type PresenterApi = RoleApi<'presenter'>;
/** Whatever a preload exposed; the platform door tells them apart by `role`. */
export type AnyRoleApi = { [R in WindowRole]: RoleApi<R> }[WindowRole];

export function apiKeyOf(name: IpcName): string {
  return IPC[name].kind === 'event' ? `on${name[0]!.toUpperCase()}${name.slice(1)}` : name;
}

/** The channels of a role, in table order. */
export function channelsOf(role: WindowRole): IpcName[] {
  return (Object.keys(IPC) as IpcName[]).filter((name) => (IPC[name].roles as readonly WindowRole[]).includes(role));
}

/** IPC channel names by table key; only main, the preload and tests use them. */
export const CHANNELS = Object.fromEntries(Object.entries(IPC).map(([name, spec]) => [name, spec.channel])) as { readonly [K in IpcName]: IpcTable[K]['channel'] };

/** The role a preload was started with, from its command line; undefined when none (or an unknown one) is there. */
export function roleFromArgv(argv: readonly string[]): WindowRole | undefined {
  const value = argv.find((arg) => arg.startsWith(ROLE_ARGUMENT_PREFIX))?.slice(ROLE_ARGUMENT_PREFIX.length);
  return (WINDOW_ROLES as readonly string[]).includes(value ?? '') ? (value as WindowRole) : undefined;
}

/** A short, one-line reason for refused arguments: the first problem and where it is. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'value';
  return `${where}: ${issue.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''}`;
}
