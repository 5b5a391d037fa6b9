/** The native dialogs main shows for the renderer; texts always come from the renderer's i18n. */
import { dialog, type BrowserWindow } from 'electron';
import { SESSION_EXTENSION, type NativeTexts, type UnsavedChoice } from '../../shared/contract';

/** Button order of the unsaved-changes box; the index is what showMessageBox answers. */
const UNSAVED_CHOICES: readonly UnsavedChoice[] = ['save', 'discard', 'cancel'];

export async function askUnsavedChoice(win: BrowserWindow, texts: NativeTexts): Promise<UnsavedChoice> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: texts.unsavedTitle,
    message: texts.unsavedMessage,
    detail: texts.unsavedDetail,
    buttons: [texts.save, texts.discard, texts.cancel],
    defaultId: 0,
    // Escape and the window's close button mean "cancel", never "discard".
    cancelId: 2,
    noLink: true,
  });
  return UNSAVED_CHOICES[response] ?? 'cancel';
}

/** The chosen path, or undefined when the user cancelled. */
export async function askOpenPath(win: BrowserWindow, texts: NativeTexts): Promise<string | undefined> {
  const result = await dialog.showOpenDialog(win, {
    properties: ['openFile'],
    filters: [{ name: texts.fileFilterName, extensions: [SESSION_EXTENSION, 'json'] }],
  });
  return result.canceled ? undefined : result.filePaths[0];
}

/** The chosen path, or undefined when the user cancelled. */
export async function askSavePath(
  win: BrowserWindow,
  texts: NativeTexts,
  defaultPath: string,
): Promise<string | undefined> {
  const result = await dialog.showSaveDialog(win, {
    defaultPath,
    filters: [{ name: texts.fileFilterName, extensions: [SESSION_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? undefined : result.filePath;
}
