/**
 * The native application menu. Its command items only send commands to the
 * renderer's command table; their shortcuts come from the same declarations
 * the keyboard handler and the buttons use (shared/commands.ts), their labels
 * from the renderer's i18n of those declarations (NativeTexts.menu).
 * Everything else is a standard Electron role.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_DECLARATIONS, type AppCommand, type KeyBinding } from '../../shared/commands';
import type { NativeTexts } from '../../shared/contract';

/** A key binding as an Electron accelerator: { key: 's', mod: true, shift: true } → "CmdOrCtrl+Shift+S". */
export function acceleratorOf(binding: KeyBinding): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowRight: 'Right', ArrowLeft: 'Left', ArrowUp: 'Up', ArrowDown: 'Down' };
  const key = names[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  return [binding.mod && 'CmdOrCtrl', binding.alt && 'Alt', binding.shift && 'Shift', key].filter(Boolean).join('+');
}

export function buildMenuTemplate(
  texts: NativeTexts,
  send: (command: AppCommand) => void,
  platform: NodeJS.Platform,
  isDev = false,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const binding = COMMAND_DECLARATIONS[id].keys[0];
    return { id, label: texts.menu[id], ...(binding ? { accelerator: acceleratorOf(binding) } : {}), click: () => send(id) };
  };
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
      command('file.new'),
      command('file.open'),
      { type: 'separator' },
      command('file.save'),
      command('file.saveAs'),
      { type: 'separator' },
      command('export.pdf'),
      command('export.png'),
      command('export.svg'),
      command('export.csv'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; there Cmd+W closes the window (through the close guard).
      isMac ? { role: 'close' } : quit,
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: texts.menu.edit,
    submenu: [
      command('edit.undo'),
      command('edit.redo'),
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
      command('present.toggle'),
      command('presenter.toggleWindow'),
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
