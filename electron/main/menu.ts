/**
 * The native application menu. Its command items only send commands to the
 * renderer's command table; their shortcuts come from the same declarations
 * the keyboard handler and the buttons use (shared/commands.ts), their labels
 * from the renderer's i18n of those declarations (NativeTexts.menu).
 * Everything else is a standard Electron role.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_DECLARATIONS, type AppCommand, type KeyBinding } from '../../shared/commands';
import type { NativeTexts, RecentFile } from '../../shared/contract';

/** File ▸ Open Recent: the list main keeps, and what its items do. */
export interface RecentMenu {
  readonly files: readonly RecentFile[];
  open(recentId: string): void;
  clear(): void;
}

const NO_RECENT: RecentMenu = { files: [], open: () => undefined, clear: () => undefined };

/** The submenu of File ▸ Open Recent: one item per file (its folder beside it), then Clear. */
export function recentSubmenu(texts: NativeTexts, recent: RecentMenu): MenuItemConstructorOptions[] {
  if (recent.files.length === 0) return [{ id: 'recent.none', label: texts.menu.noRecent, enabled: false }];
  return [
    ...recent.files.map(
      (file, i): MenuItemConstructorOptions => ({
        id: `recent.${i}`,
        // "&" would become a mnemonic on Windows and Linux; doubled, it shows as itself.
        label: file.fileName.replace(/&/g, '&&'),
        sublabel: file.folder,
        toolTip: file.folder,
        click: () => recent.open(file.recentId),
      }),
    ),
    { type: 'separator' },
    { id: 'recent.clear', label: texts.menu.clearRecent, click: () => recent.clear() },
  ];
}

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
  recent: RecentMenu = NO_RECENT,
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
      command('file.newFromThis'),
      command('file.open'),
      { id: 'file.openRecent', label: texts.menu.openRecent, submenu: recentSubmenu(texts, recent) },
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
      { type: 'separator' },
      command('edit.copyChart'),
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

  // macOS shows "About" (the native panel, app.setAboutPanelOptions) in the app menu; elsewhere the
  // app's own About dialog goes under Help. Help links nowhere on the network: the app is offline.
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: texts.menu.help,
    submenu: isMac ? [command('help.shortcuts')] : [command('help.shortcuts'), { type: 'separator' }, command('help.about')],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Build and install the menu; call again with new texts after a language switch. */
export function installApplicationMenu(
  texts: NativeTexts,
  send: (command: AppCommand) => void,
  isDev: boolean,
  recent?: RecentMenu,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(texts, send, process.platform, isDev, recent)));
}
