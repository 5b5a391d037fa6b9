/**
 * What crosses between main and the windows, as zod schemas: main checks
 * every argument with them on arrival, the preload every result and every
 * message main pushes. The TypeScript types are inferred from the schemas,
 * so a type cannot drift from its check. The channel table (shared/ipc.ts)
 * names which schema goes with which channel.
 *
 * The renderer is untrusted input to main: exact keys (strict objects), exact
 * types, bounded sizes.
 */
import { z } from 'zod';
import { APP_COMMANDS } from './commands';
import { MAX_EXPORT_BYTES, MAX_SESSION_BYTES } from './limits';
import { PAPER_SIZES, REPORT_LANGUAGES } from './report-job';

// The windows' CSP forbids eval; without this zod probes `new Function` and the page logs a CSP violation.
z.config({ jitless: true });

/** Longest label, title or message accepted; far beyond any real translation. */
export const MAX_TEXT_LENGTH = 2000;
/** Longest suggested file name or file id accepted before even looking at it. */
export const MAX_NAME_LENGTH = 1000;
/** Longest name of a file type in a dialog's filter. */
const MAX_FILTER_NAME_LENGTH = 200;

/** UTF-8 length of a string without allocating it (the text may be 20 MB). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const text = (max = MAX_TEXT_LENGTH) => z.string().max(max);

/** A session file's text: at most MAX_SESSION_BYTES of UTF-8. Length in UTF-16 units bounds it cheaply first. */
export const sessionTextSchema = z
  .string()
  .max(MAX_SESSION_BYTES)
  .refine((value) => utf8ByteLength(value) <= MAX_SESSION_BYTES, { message: `is larger than ${MAX_SESSION_BYTES} bytes` });

/** An opaque token main handed out for a file; whether main knows it is main's check. */
export const fileIdSchema = z.string().min(1).max(MAX_NAME_LENGTH);

// --- Opening ------------------------------------------------------------------

/**
 * Why a file could not be read: `notFound` (moved or deleted), `notSessionFile`
 * (the OS or the command line handed over a file without the .wavelength
 * extension), or the bytes themselves.
 */
export const READ_FAILURE_REASONS = ['unreadable', 'notFound', 'tooLarge', 'notUtf8', 'notSessionFile'] as const;
export type ReadFailureReason = (typeof READ_FAILURE_REASONS)[number];

const openedSchema = z.strictObject({ kind: z.literal('opened'), fileId: fileIdSchema, fileName: text(MAX_NAME_LENGTH), text: sessionTextSchema });
const readErrorSchema = z.strictObject({
  kind: z.literal('error'),
  fileName: text(MAX_NAME_LENGTH),
  reason: z.enum(READ_FAILURE_REASONS),
  detail: text(),
});

export const openSessionResultSchema = z.discriminatedUnion('kind', [openedSchema, z.strictObject({ kind: z.literal('cancelled') }), readErrorSchema]);
export type OpenSessionResult = z.infer<typeof openSessionResultSchema>;

/** A file the app was asked to open from outside (command line, file manager, Finder), read by main. */
export const externalFileResultSchema = z.discriminatedUnion('kind', [openedSchema, readErrorSchema]);
export type ExternalFileResult = z.infer<typeof externalFileResultSchema>;

/** The file the app was started with; the renderer asks once at start-up. */
export const launchFileResultSchema = z.discriminatedUnion('kind', [openedSchema, readErrorSchema, z.strictObject({ kind: z.literal('none') })]);
export type LaunchFileResult = z.infer<typeof launchFileResultSchema>;

// --- Saving -------------------------------------------------------------------

export const saveSessionRequestSchema = z.strictObject({
  /** The serialized session (UTF-8 JSON). */
  text: sessionTextSchema,
  /** Token of the file this session was opened from or last saved to; null for a new session. */
  fileId: fileIdSchema.nullable(),
  /** Always ask for a location (Save As), even when fileId is known. */
  saveAs: z.boolean(),
  /** File name offered in the dialog, e.g. "Projekt Atlas.wavelength". */
  suggestedName: text(MAX_NAME_LENGTH),
});
export type SaveSessionRequest = z.infer<typeof saveSessionRequestSchema>;

/**
 * Why writing a file failed, as a reason the renderer turns into a sentence
 * in the UI language (the OS's own code is passed along beside it):
 * - diskFull: no space left (or over quota);
 * - readOnlyFile: the file is marked read-only (Save as… is offered);
 * - readOnlyVolume: the drive or share is mounted read-only;
 * - noPermission: the folder (or file) may not be written by this user;
 * - folderMissing: the folder is gone (unplugged drive, deleted folder);
 * - isFolder: a folder has the file's name;
 * - nameTooLong: the path is longer than the file system allows;
 * - locked: another program holds the file (Windows);
 * - tooLarge: the session is larger than a session file may be (browser build);
 * - other: anything else; the OS code says what.
 */
export const FILE_PROBLEMS = ['diskFull', 'readOnlyFile', 'readOnlyVolume', 'noPermission', 'folderMissing', 'isFolder', 'nameTooLong', 'locked', 'tooLarge', 'other'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** The OS's code for a failure ("ENOSPC", "EACCES"); null when there is none. */
const osCodeSchema = z.string().max(64).nullable();

export const saveSessionResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('saved'),
    fileId: fileIdSchema,
    fileName: text(MAX_NAME_LENGTH),
    /** The new version is saved, but `<name>.bak` could not be brought up to date (e.g. it belongs to someone else); null when it was. */
    backupProblem: z.strictObject({ problem: z.enum(FILE_PROBLEMS), osCode: osCodeSchema }).nullable(),
  }),
  z.strictObject({ kind: z.literal('cancelled') }),
  z.strictObject({
    kind: z.literal('error'),
    fileName: text(MAX_NAME_LENGTH),
    problem: z.enum(FILE_PROBLEMS),
    osCode: osCodeSchema,
    /** True when the file on disk is exactly as it was before; false only if writing into it had begun (a hard-linked file). */
    targetUnchanged: z.boolean(),
  }),
]);
export type SaveSessionResult = z.infer<typeof saveSessionResultSchema>;

/** What to do with unsaved changes before they would be lost. */
export const unsavedChoiceSchema = z.enum(['save', 'discard', 'cancel']);
export type UnsavedChoice = z.infer<typeof unsavedChoiceSchema>;

export const documentStateSchema = z.strictObject({
  /** Shown in the window title. */
  title: text(),
  /** True while the session has changes not yet saved; main asks before closing. */
  dirty: z.boolean(),
  /** The file the session is saved in, for the macOS title bar's file icon (setRepresentedFilename); null or absent: none. */
  fileId: fileIdSchema.nullable().optional(),
});
export type DocumentState = z.infer<typeof documentStateSchema>;

// --- Native texts -------------------------------------------------------------

export const appCommandSchema = z.enum(APP_COMMANDS);

const MENU_TITLES = ['file', 'edit', 'view', 'window', 'help', 'quit', 'openRecent', 'clearRecent', 'noRecent'] as const;

/** Texts main needs for native dialogs and menus, supplied by the renderer's i18n layer. */
export const nativeTextsSchema = z.strictObject({
  unsavedTitle: text(),
  unsavedMessage: text(),
  unsavedDetail: text(),
  save: text(),
  discard: text(),
  cancel: text(),
  fileFilterName: text(),
  /** The facilitator's window crashed: keep the autosave, offer to reload it. */
  crashTitle: text(),
  crashMessage: text(),
  crashDetail: text(),
  /** The facilitator's window stopped answering. */
  hangMessage: text(),
  hangDetail: text(),
  reload: text(),
  wait: text(),
  closeWindow: text(),
  /** Labels of the native menu: one per command main sends, and the menus' titles. */
  menu: z.strictObject(Object.fromEntries([...APP_COMMANDS, ...MENU_TITLES].map((key) => [key, text()])) as Record<(typeof APP_COMMANDS)[number] | (typeof MENU_TITLES)[number], ReturnType<typeof text>>),
});
export type NativeTexts = z.infer<typeof nativeTextsSchema>;

// --- Autosave -----------------------------------------------------------------

/** What the renderer hands main a couple of seconds after the last unsaved change. */
export const autosaveWriteRequestSchema = z.strictObject({
  text: sessionTextSchema,
  /** Shown in the offer to recover it ("Projekt Atlas"); '' when the project has no name. */
  projectName: text(),
  /** The file the session came from (main remembers its path beside the autosave); null for a new session. */
  fileId: fileIdSchema.nullable(),
});
export type AutosaveWriteRequest = z.infer<typeof autosaveWriteRequestSchema>;

export const autosaveReadResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('found'),
    /** When it was written, ISO 8601. */
    savedAt: text(100),
    projectName: text(),
    text: sessionTextSchema,
    /**
     * A token for the file it came from; null when it came from none (or the
     * browser build). Unless the user opened that file in this run, saving
     * with it asks where, starting at that file: the autosave alone never
     * lets main write a path.
     */
    fileId: fileIdSchema.nullable(),
    fileName: text(MAX_NAME_LENGTH).nullable(),
  }),
  /** There is an autosave, but it cannot be read back; the renderer says so and clears it. */
  z.strictObject({ kind: z.literal('corrupt'), detail: text() }),
]);
export type AutosaveReadResult = z.infer<typeof autosaveReadResultSchema>;

// --- Export -------------------------------------------------------------------

export const reportOptionsSchema = z.strictObject({ paper: z.enum(PAPER_SIZES), language: z.enum(REPORT_LANGUAGES) });

/** Main renders the report (report.html, see report-job.ts) hidden and prints it with printToPDF. */
export const exportPdfRequestSchema = z.strictObject({
  /** The session as its file text (serializeSession); the report page parses it like "Open". */
  sessionText: sessionTextSchema,
  options: reportOptionsSchema,
  /** File name offered in the save dialog, e.g. "Projekt Atlas.pdf"; main sanitises it. */
  suggestedName: text(MAX_NAME_LENGTH),
  /** Name of the file type in the dialog's filter ("PDF report"), in the UI language. */
  filterName: text(MAX_FILTER_NAME_LENGTH),
});
export type ExportPdfRequest = z.infer<typeof exportPdfRequestSchema>;

export const EXPORT_FILE_FORMATS = ['png', 'svg', 'csv'] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

const exportText = z
  .string()
  .max(MAX_EXPORT_BYTES)
  .refine((value) => utf8ByteLength(value) <= MAX_EXPORT_BYTES, { message: 'is too large' });
const exportFileCommon = { suggestedName: text(MAX_NAME_LENGTH), filterName: text(MAX_FILTER_NAME_LENGTH) };

/** A file the renderer made (chart PNG or SVG, curves CSV) for main to write where the user says. */
export const exportFileRequestSchema = z.discriminatedUnion('format', [
  // Structured clone delivers PNG bytes as a Uint8Array; anything else is not a picture.
  z.strictObject({
    format: z.literal('png'),
    data: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'must be bytes' })
      .refine((bytes) => bytes.byteLength <= MAX_EXPORT_BYTES, { message: 'is too large' }),
    ...exportFileCommon,
  }),
  z.strictObject({ format: z.literal('svg'), data: exportText, ...exportFileCommon }),
  z.strictObject({ format: z.literal('csv'), data: exportText, ...exportFileCommon }),
]);
export type ExportFileRequest = z.infer<typeof exportFileRequestSchema>;

/** Why an export failed: what went wrong writing the file, or 'reportFailed' when the report could not be made. */
export const EXPORT_PROBLEMS = [...FILE_PROBLEMS, 'reportFailed'] as const;
export type ExportProblem = (typeof EXPORT_PROBLEMS)[number];

export const exportResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exported'), fileName: text(MAX_NAME_LENGTH) }),
  /** Browser build: the report is open in a new tab with the print dialog; the user saves from there. */
  z.strictObject({ kind: z.literal('printing') }),
  /** Browser build: the pop-up blocker stopped the report tab. */
  z.strictObject({ kind: z.literal('blocked') }),
  z.strictObject({ kind: z.literal('cancelled') }),
  /** The file could not be written (a FileProblem, with the OS's code), or the report could not be made. */
  z.strictObject({ kind: z.literal('error'), fileName: text(MAX_NAME_LENGTH), problem: z.enum(EXPORT_PROBLEMS), osCode: osCodeSchema }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

// --- Presenter ----------------------------------------------------------------

/** A display main can put the presenter window on (sizes in device-independent pixels). */
export const presenterDisplaySchema = z.strictObject({
  id: z.number().int(),
  /** The operating system's name for it; '' when it gives none. */
  name: text(200),
  width: z.number(),
  height: z.number(),
  primary: z.boolean(),
  /** Built into the laptop. */
  internal: z.boolean(),
  /** The facilitator's window is on this display. */
  hasMainWindow: z.boolean(),
  /** The display main picks when none is chosen: the remembered one if it still exists, else an external one. */
  suggested: z.boolean(),
});
export type PresenterDisplay = z.infer<typeof presenterDisplaySchema>;

/** Whether the presenter window is open, and where. */
export const presenterStatusSchema = z.strictObject({ open: z.boolean(), displayId: z.number().int().nullable() });
export type PresenterStatus = z.infer<typeof presenterStatusSchema>;

/** A display to open the presenter window on; null: main's suggestion. */
export const displayIdSchema = z.number().int().refine(Number.isSafeInteger).nullable();

// --- Recent documents ---------------------------------------------------------

/** Most files the recent list keeps (the OS's own list may keep more). */
export const MAX_RECENT_FILES = 10;

/**
 * A file in the recent list as the renderer sees it: an opaque id main hands
 * out, and what to show. The folder is shown only; main takes back nothing
 * but the id, and checks the file again when it is opened.
 */
export const recentFileSchema = z.strictObject({
  recentId: fileIdSchema,
  fileName: text(MAX_NAME_LENGTH),
  folder: text(MAX_NAME_LENGTH * 4),
});
export type RecentFile = z.infer<typeof recentFileSchema>;

export const recentFilesSchema = z.array(recentFileSchema).max(MAX_RECENT_FILES);

// --- Clipboard ----------------------------------------------------------------

/** The chart as a PNG for main to put on the clipboard; the renderer made it as it makes the PNG export. */
export const copyImageRequestSchema = z.strictObject({
  png: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'must be bytes' })
    .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= MAX_EXPORT_BYTES, { message: 'is empty or too large' }),
});
export type CopyImageRequest = z.infer<typeof copyImageRequestSchema>;

/**
 * Why a picture could not be copied, for a sentence in the UI language:
 * `notAPicture` (the bytes are no image the host can read), `refused` (the
 * system or the browser refused the clipboard; `detail` is its own message).
 */
export const COPY_IMAGE_PROBLEMS = ['notAPicture', 'refused'] as const;

/** `unsupported`: the host has no way to put a picture on the clipboard (a browser without ClipboardItem). */
export const copyImageResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('copied') }),
  z.strictObject({ kind: z.literal('unsupported') }),
  z.strictObject({ kind: z.literal('error'), problem: z.enum(COPY_IMAGE_PROBLEMS), detail: text() }),
]);
export type CopyImageResult = z.infer<typeof copyImageResultSchema>;
