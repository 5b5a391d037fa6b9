import type { NativeTexts } from '../../shared/contract';

/**
 * English texts for menus and dialogs until the renderer's i18n layer sends
 * the real ones (setNativeTexts), e.g. when a window is closed before the UI
 * has loaded.
 */
export const DEFAULT_NATIVE_TEXTS: NativeTexts = {
  unsavedTitle: 'Unsaved changes',
  unsavedMessage: 'Save the changes to this session?',
  unsavedDetail: 'Your changes will be lost if you don’t save them.',
  save: 'Save',
  discard: 'Don’t Save',
  cancel: 'Cancel',
  fileFilterName: 'Wavelength session',
  crashTitle: 'Wavelength',
  crashMessage: 'The Wavelength window stopped working.',
  crashDetail: 'Your retro is kept as it was at the last automatic backup, a few seconds ago. Reload the window to recover it.',
  hangMessage: 'The Wavelength window is not responding.',
  hangDetail: 'You can wait, or reload the window: your retro is kept as it was at the last automatic backup, a few seconds ago, and offered back.',
  reload: 'Reload',
  wait: 'Wait',
  closeWindow: 'Close window',
  menu: {
    'file.new': 'New Session',
    'file.open': 'Open…',
    'file.save': 'Save',
    'file.saveAs': 'Save As…',
    'edit.undo': 'Undo',
    'edit.redo': 'Redo',
    'app.saveAndClose': 'Save and Close',
    'export.pdf': 'Export PDF…',
    'export.png': 'Export PNG…',
    'export.svg': 'Export SVG…',
    'export.csv': 'Export CSV…',
    'present.toggle': 'Present on This Screen',
    'presenter.toggleWindow': 'Presenter Window',
    'file.newFromThis': 'New Retro from This One',
    'edit.copyChart': 'Copy Chart as Image',
    'help.shortcuts': 'Keyboard Shortcuts',
    'help.about': 'About Wavelength',
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    quit: 'Quit Wavelength',
    openRecent: 'Open Recent',
    clearRecent: 'Clear Menu',
    noRecent: 'No Recent Files',
  },
};
