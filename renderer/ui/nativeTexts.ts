import type { TFunction } from 'i18next';
import { APP_COMMANDS, COMMAND_DECLARATIONS } from '../../shared/commands';
import type { NativeTexts } from '../platform/platform';

/** The texts of the host's menus and dialogs in the UI language; a menu item's label is its command's, as on the buttons. */
export function nativeTexts(t: TFunction): NativeTexts {
  const commandLabels = Object.fromEntries(APP_COMMANDS.map((id) => [id, t(COMMAND_DECLARATIONS[id].labelKey)])) as Record<
    (typeof APP_COMMANDS)[number],
    string
  >;
  return {
    unsavedTitle: t('unsaved.title'),
    unsavedMessage: t('unsaved.message'),
    unsavedDetail: t('unsaved.detail'),
    save: t('unsaved.save'),
    discard: t('unsaved.discard'),
    cancel: t('unsaved.cancel'),
    fileFilterName: t('file.filterName'),
    crashTitle: t('files.crash.title'),
    crashMessage: t('files.crash.message'),
    crashDetail: t('files.crash.detail'),
    hangMessage: t('files.crash.hangMessage'),
    hangDetail: t('files.crash.hangDetail'),
    reload: t('files.crash.reload'),
    wait: t('files.crash.wait'),
    closeWindow: t('files.crash.close'),
    menu: {
      file: t('menu.file'),
      edit: t('menu.edit'),
      view: t('menu.view'),
      window: t('menu.window'),
      help: t('menu.help'),
      quit: t('menu.quit'),
      openRecent: t('desktop.menu.openRecent'),
      clearRecent: t('desktop.menu.clearRecent'),
      noRecent: t('desktop.menu.noRecent'),
      ...commandLabels,
    },
  };
}
