/**
 * The native application menu. File and Edit items only send commands to the
 * renderer's command table (the same one its keyboard shortcuts and buttons
 * use); everything else is a standard Electron role.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand, NativeTexts } from '../../shared/contract';

export function buildMenuTemplate(
  texts: NativeTexts,
  send: (command: AppCommand) => void,
  platform: NodeJS.Platform,
  isDev = false,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (id: AppCommand, accelerator: string): MenuItemConstructorOptions => ({
    id,
    label: texts.menu[id],
    accelerator,
    click: () => send(id),
  });
  // Chart and curve exports: no shortcut of their own, the export dialog offers them too.
  const exportItem = (id: AppCommand): MenuItemConstructorOptions => ({ id, label: texts.menu[id], click: () => send(id) });
  const quit: MenuItemConstructorOptions = { role: 'quit', label: texts.menu.quit };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            quit,
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: texts.menu.file,
    submenu: [
      command('file.new', 'CmdOrCtrl+N'),
      command('file.open', 'CmdOrCtrl+O'),
      { type: 'separator' },
      command('file.save', 'CmdOrCtrl+S'),
      command('file.saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      command('export.pdf', 'CmdOrCtrl+P'),
      exportItem('export.png'),
      exportItem('export.svg'),
      exportItem('export.csv'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; there Cmd+W closes the window (through the close guard).
      isMac ? { role: 'close' } : quit,
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: texts.menu.edit,
    submenu: [
      command('edit.undo', 'CmdOrCtrl+Z'),
      command('edit.redo', 'CmdOrCtrl+Shift+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: texts.menu.view,
    submenu: [
      // Reloading would drop unsaved work without the close guard noticing: developers only.
      ...(isDev
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      command('present.toggle', 'F5'),
      command('presenter.toggleWindow', 'Shift+F5'),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: texts.menu.window,
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };

  // macOS shows "About" in the app menu; elsewhere it goes under Help.
  const helpMenu: MenuItemConstructorOptions[] = isMac
    ? []
    : [{ label: texts.menu.help, submenu: [{ role: 'about' }] }];

  return [...appMenu, fileMenu, editMenu, viewMenu, windowMenu, ...helpMenu];
}

/** Build and install the menu; call again with new texts after a language switch. */
export function installApplicationMenu(
  texts: NativeTexts,
  send: (command: AppCommand) => void,
  isDev: boolean,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(texts, send, process.platform, isDev)));
}
