import type { TFunction } from 'i18next';
import type { NativeTexts } from '../platform/platform';

export function nativeTexts(t: TFunction): NativeTexts {
  return {
    unsavedTitle: t('unsaved.title'),
    unsavedMessage: t('unsaved.message'),
    unsavedDetail: t('unsaved.detail'),
    save: t('unsaved.save'),
    discard: t('unsaved.discard'),
    cancel: t('unsaved.cancel'),
    fileFilterName: t('file.filterName'),
    menu: {
      file: t('menu.file'),
      edit: t('menu.edit'),
      view: t('menu.view'),
      window: t('menu.window'),
      help: t('menu.help'),
      quit: t('menu.quit'),
      'file.new': t('commands.file.new'),
      'file.open': t('commands.file.open'),
      'file.save': t('commands.file.save'),
      'file.saveAs': t('commands.file.saveAs'),
      'edit.undo': t('commands.edit.undo'),
      'edit.redo': t('commands.edit.redo'),
      'app.saveAndClose': t('commands.file.save'),
      'export.pdf': t('report.commands.pdf'),
      'export.png': t('report.commands.png'),
      'export.svg': t('report.commands.svg'),
      'export.csv': t('report.commands.csv'),
      'present.toggle': t('presenter.commands.present'),
      'presenter.toggleWindow': t('presenter.commands.window'),
    },
  };
}
