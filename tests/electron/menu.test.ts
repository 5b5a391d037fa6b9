import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract';
import { APP_COMMANDS, COMMAND_DECLARATIONS } from '../../shared/commands';
import { acceleratorOf, buildMenuTemplate, installApplicationMenu } from '../../electron/main/menu';
import { DEFAULT_NATIVE_TEXTS } from '../../electron/main/native-texts';
import { Menu, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

/** Every item of the template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function item(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

const roles = (items: MenuItemConstructorOptions[]): unknown[] => flatten(items).map((entry) => entry.role).filter(Boolean);

describe('one command table', () => {
  it('every menu command shows the shortcut the keyboard runs, from the same declaration', () => {
    const template = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux');
    const inMenu = flatten(template).filter((entry) => (APP_COMMANDS as readonly string[]).includes(entry.id ?? ''));
    expect(inMenu.map((entry) => entry.id).sort()).toEqual(APP_COMMANDS.filter((id) => id !== 'app.saveAndClose').sort());
    for (const entry of inMenu) {
      const binding = COMMAND_DECLARATIONS[entry.id as AppCommand].keys[0];
      expect(entry.accelerator).toBe(binding ? acceleratorOf(binding) : undefined);
    }
  });

  it('writes bindings as Electron accelerators', () => {
    expect(acceleratorOf({ key: 's', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+S');
    expect(acceleratorOf({ key: '1', alt: true })).toBe('Alt+1');
    expect(acceleratorOf({ key: 'F5', shift: true })).toBe('Shift+F5');
    expect(acceleratorOf({ key: ' ' })).toBe('Space');
    expect(acceleratorOf({ key: 'ArrowRight' })).toBe('Right');
  });
});

describe('buildMenuTemplate', () => {
  it.each([
    ['file.new', 'CmdOrCtrl+N'],
    ['file.open', 'CmdOrCtrl+O'],
    ['file.save', 'CmdOrCtrl+S'],
    ['file.saveAs', 'CmdOrCtrl+Shift+S'],
    ['edit.undo', 'CmdOrCtrl+Z'],
    ['edit.redo', 'CmdOrCtrl+Shift+Z'],
    ['present.toggle', 'F5'],
    ['presenter.toggleWindow', 'Shift+F5'],
  ] as const)('%s has %s and sends its command on click', (id: AppCommand, accelerator) => {
    const send = vi.fn();
    const template = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, send, 'linux');
    const entry = item(template, id);
    expect(entry.accelerator).toBe(accelerator);
    expect(entry.label).toBe(DEFAULT_NATIVE_TEXTS.menu[id]);
    (entry.click as () => void)();
    expect(send).toHaveBeenCalledExactlyOnceWith(id);
  });

  it('labels menus with the texts it is given', () => {
    const texts = {
      ...DEFAULT_NATIVE_TEXTS,
      menu: { ...DEFAULT_NATIVE_TEXTS.menu, file: 'Datei', edit: 'Bearbeiten', 'file.save': 'Speichern', quit: 'Beenden' },
    };
    const template = buildMenuTemplate(texts, vi.fn(), 'win32');
    expect(template.map((menu) => menu.label)).toEqual(['Datei', 'Bearbeiten', texts.menu.view, texts.menu.window, texts.menu.help]);
    expect(item(template, 'file.save').label).toBe('Speichern');
    expect(flatten(template).find((entry) => entry.role === 'quit')?.label).toBe('Beenden');
  });

  it('has the standard roles, and reload/devtools only in dev', () => {
    const production = roles(buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux', false));
    expect(production).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'togglefullscreen', 'quit']));
    expect(production).not.toContain('reload');
    expect(production).not.toContain('toggleDevTools');

    const dev = roles(buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux', true));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts Quit in the app menu on macOS and a close item in File', () => {
    const template = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(roles([template[0]!])).toContain('quit');
    const fileMenu = template.find((menu) => menu.label === DEFAULT_NATIVE_TEXTS.menu.file)!;
    expect(roles([fileMenu])).toContain('close');
    expect(roles([fileMenu])).not.toContain('quit');
  });

  it('does not send commands that are not menu items (app.saveAndClose is main-only)', () => {
    const ids = flatten(buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux')).map((entry) => entry.id).filter(Boolean);
    expect(ids.sort()).toEqual(
      [
        'edit.redo',
        'edit.undo',
        'file.new',
        'file.open',
        'file.save',
        'file.saveAs',
        'export.pdf',
        'export.png',
        'export.svg',
        'export.csv',
        'present.toggle',
        'presenter.toggleWindow',
        'file.newFromThis',
        'edit.copyChart',
        'help.shortcuts',
        'help.about',
        // Not commands: the Open Recent submenu and its placeholder.
        'file.openRecent',
        'recent.none',
      ].sort(),
    );
  });

  it('copies the chart with Ctrl+Shift+C from the Edit menu', () => {
    const send = vi.fn();
    const entry = item(buildMenuTemplate(DEFAULT_NATIVE_TEXTS, send, 'linux'), 'edit.copyChart');
    expect(entry.accelerator).toBe('CmdOrCtrl+Shift+C');
    (entry.click as () => void)();
    expect(send).toHaveBeenCalledExactlyOnceWith('edit.copyChart');
  });
});

describe('File ▸ Open Recent', () => {
  const files = [
    { recentId: 'r1', fileName: 'Atlas.wavelength', folder: '/home/anna/Retros' },
    { recentId: 'r2', fileName: 'Q&A.wavelength', folder: '/home/anna' },
  ];

  it('lists the files newest first with their folders, opens one by its id, and clears the list', () => {
    const open = vi.fn();
    const clear = vi.fn();
    const template = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux', false, { files, open, clear });
    const submenu = item(template, 'file.openRecent').submenu as MenuItemConstructorOptions[];
    expect(item(template, 'file.openRecent').label).toBe('Open Recent');
    expect(submenu.map((entry) => [entry.label, entry.sublabel])).toEqual([
      ['Atlas.wavelength', '/home/anna/Retros'],
      // A lone & would underline the next letter as a mnemonic.
      ['Q&&A.wavelength', '/home/anna'],
      [undefined, undefined],
      ['Clear Menu', undefined],
    ]);
    (submenu[1]!.click as () => void)();
    expect(open).toHaveBeenCalledExactlyOnceWith('r2');
    (item(template, 'recent.clear').click as () => void)();
    expect(clear).toHaveBeenCalledOnce();
  });

  it('says there is nothing to reopen when the list is empty', () => {
    const submenu = item(buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'linux'), 'file.openRecent').submenu as MenuItemConstructorOptions[];
    expect(submenu).toEqual([{ id: 'recent.none', label: 'No Recent Files', enabled: false }]);
  });
});

describe('Help', () => {
  it('on Windows and Linux has the shortcuts and the app’s own About dialog', () => {
    const send = vi.fn();
    const help = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, send, 'win32').at(-1)!;
    expect(help.role).toBe('help');
    expect((help.submenu as MenuItemConstructorOptions[]).map((entry) => entry.id ?? entry.type)).toEqual(['help.shortcuts', 'separator', 'help.about']);
    (item([help], 'help.about').click as () => void)();
    expect(send).toHaveBeenCalledExactlyOnceWith('help.about');
    expect(item([help], 'help.shortcuts').accelerator).toBe('F1');
  });

  it('on macOS leaves About to the app menu (the native panel) and keeps the shortcuts', () => {
    const template = buildMenuTemplate(DEFAULT_NATIVE_TEXTS, vi.fn(), 'darwin');
    expect(roles([template[0]!])).toContain('about');
    expect((template.at(-1)!.submenu as MenuItemConstructorOptions[]).map((entry) => entry.id)).toEqual(['help.shortcuts']);
  });
});

describe('installApplicationMenu', () => {
  it('installs the built template as the application menu', () => {
    const send = vi.fn();
    installApplicationMenu(DEFAULT_NATIVE_TEXTS, send, false);
    const template = Menu.applicationMenu?.template as MenuItemConstructorOptions[];
    (item(template, 'file.open').click as () => void)();
    expect(send).toHaveBeenCalledWith('file.open');
  });
});
