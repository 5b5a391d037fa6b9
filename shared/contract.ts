/**
 * What both processes share about the process boundary, in one place for
 * importers: the channel table (ipc.ts) and the schemas of what crosses it
 * (messages.ts), the commands main may send (commands.ts), the size limits
 * (limits.ts), the app:// origin, and the room state the presenter window
 * shows. Imported by main, the preload and renderer/platform.
 */

export { MAX_EXPORT_BYTES, MAX_SESSION_BYTES } from './limits';
export { APP_COMMANDS, type AppCommand } from './commands';
export { CHANNELS, type AnyRoleApi, type PresenterApi, type RoleApi, type WavelengthApi, type WindowRole } from './ipc';
export {
  EXPORT_FILE_FORMATS,
  FILE_PROBLEMS,
  READ_FAILURE_REASONS,
  type AutosaveReadResult,
  type AutosaveWriteRequest,
  type CopyImageRequest,
  type CopyImageResult,
  type DocumentState,
  type ExportFileFormat,
  type ExportFileRequest,
  type ExportPdfRequest,
  type ExportResult,
  type ExternalFileResult,
  type FileProblem,
  type LaunchFileResult,
  type NativeTexts,
  type OpenSessionResult,
  type PresenterDisplay,
  type PresenterStatus,
  type ReadFailureReason,
  type RecentFile,
  type SaveSessionRequest,
  type SaveSessionResult,
  type UnsavedChoice,
} from './messages';

/** File extension of a session file, without the dot. */
export const SESSION_EXTENSION = 'wavelength';

// --- Presenter: the room screen ----------------------------------------------

// The room state (its zod schema, types and parse function) lives in room-state.ts; here for importers.
export {
  ROOM_STATE_VERSION,
  type RoomCompare,
  type RoomCurve,
  type RoomFacts,
  type RoomGap,
  type RoomHandoverDrop,
  type RoomLegendTeam,
  type RoomLineStyle,
  type RoomNote,
  type RoomPerception,
  type RoomScreen,
  type RoomSpan,
  type RoomState,
  type RoomTeamSeries,
} from './room-state';

/** The scheme and host the renderer bundle is served from inside the app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wavelength';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
