/**
 * Every command's identity, label and shortcuts, declared once. The native
 * menu (main, electron/main/menu.ts), the keyboard handler and the buttons
 * (renderer/state/commands.ts adds what each command does) and the presenter
 * window's clicker keys all read them from here, so a shortcut shown in the
 * menu is the one the keyboard runs. Pure data: no i18n, React or Electron.
 */

export interface KeyBinding {
  /** KeyboardEvent.key, compared case-insensitively. */
  readonly key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface CommandDeclaration {
  /** i18n key of the label (e.g. `commands.file.save`); the native menu shows the same text. */
  readonly labelKey: string;
  /** The first binding is the one menus and tooltips show. */
  readonly keys: readonly KeyBinding[];
  /** Also fires while typing in a text field (only for shortcuts with a modifier). */
  readonly inTextFields: boolean;
}

export const COMMAND_DECLARATIONS = {
  'file.new': { labelKey: 'commands.file.new', keys: [{ key: 'n', mod: true }], inTextFields: true },
  'file.open': { labelKey: 'commands.file.open', keys: [{ key: 'o', mod: true }], inTextFields: true },
  'file.save': { labelKey: 'commands.file.save', keys: [{ key: 's', mod: true }], inTextFields: true },
  'file.saveAs': { labelKey: 'commands.file.saveAs', keys: [{ key: 's', mod: true, shift: true }], inTextFields: true },
  'edit.undo': { labelKey: 'commands.edit.undo', keys: [{ key: 'z', mod: true }], inTextFields: false },
  'edit.redo': { labelKey: 'commands.edit.redo', keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }], inTextFields: false },
  /** Main is closing the window after the user chose "Save": save, then close. No key, no menu item. */
  'app.saveAndClose': { labelKey: 'commands.file.save', keys: [], inTextFields: false },
  'view.setup': { labelKey: 'views.setup', keys: [{ key: '1', alt: true }], inTextFields: true },
  'view.draw': { labelKey: 'views.draw', keys: [{ key: '2', alt: true }], inTextFields: true },
  'view.reveal': { labelKey: 'views.reveal', keys: [{ key: '3', alt: true }], inTextFields: true },
  'view.compare': { labelKey: 'views.compare', keys: [{ key: '4', alt: true }], inTextFields: true },
  'view.discuss': { labelKey: 'views.discuss', keys: [{ key: '5', alt: true }], inTextFields: true },
  // PageDown/PageUp: what presentation clickers send.
  'reveal.next': { labelKey: 'reveal.next', keys: [{ key: 'ArrowRight' }, { key: ' ' }, { key: 'PageDown' }], inTextFields: false },
  'reveal.previous': { labelKey: 'reveal.previous', keys: [{ key: 'ArrowLeft' }, { key: 'PageUp' }], inTextFields: false },
  // Ctrl+P: where people look for "print"; it makes the PDF report.
  'export.pdf': { labelKey: 'report.commands.pdf', keys: [{ key: 'p', mod: true }], inTextFields: true },
  // Chart and curve exports: no shortcut of their own, the export dialog offers them too.
  'export.png': { labelKey: 'report.commands.png', keys: [], inTextFields: true },
  'export.svg': { labelKey: 'report.commands.svg', keys: [], inTextFields: true },
  'export.csv': { labelKey: 'report.commands.csv', keys: [], inTextFields: true },
  /** Single screen: show the room view full screen in this window (and leave it again). */
  'present.toggle': { labelKey: 'presenter.commands.present', keys: [{ key: 'F5' }], inTextFields: true },
  // Esc is bound by the present mode itself, so the key stays free everywhere else.
  'present.leave': { labelKey: 'presenter.commands.leave', keys: [], inTextFields: true },
  /** Open the presenter window on the room display, or close it. */
  'presenter.toggleWindow': { labelKey: 'presenter.commands.window', keys: [{ key: 'F5', shift: true }], inTextFields: true },
  /** A fresh session with this one's timeline, teams and participants, its open action items carried over for review. */
  'file.newFromThis': { labelKey: 'desktop.commands.newFromThis', keys: [], inTextFields: true },
  // Mod+Shift+C: "copy, but the picture"; plain Mod+C stays the text fields' copy.
  'edit.copyChart': { labelKey: 'desktop.commands.copyChart', keys: [{ key: 'c', mod: true, shift: true }], inTextFields: false },
  // F1: where people look for help on every desktop.
  'help.shortcuts': { labelKey: 'desktop.commands.shortcuts', keys: [{ key: 'F1' }], inTextFields: true },
  'help.about': { labelKey: 'desktop.commands.about', keys: [], inTextFields: true },
} as const satisfies Record<string, CommandDeclaration>;

export type CommandId = keyof typeof COMMAND_DECLARATIONS;

/** The commands main may send to the facilitator's window: the native menu's, and save-and-close from the close guard. */
export const APP_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'edit.undo',
  'edit.redo',
  'app.saveAndClose',
  'present.toggle',
  'presenter.toggleWindow',
  'export.pdf',
  'export.png',
  'export.svg',
  'export.csv',
  'file.newFromThis',
  'edit.copyChart',
  'help.shortcuts',
  'help.about',
] as const satisfies readonly CommandId[];
export type AppCommand = (typeof APP_COMMANDS)[number];

export function commandDeclaration(id: CommandId): CommandDeclaration {
  return COMMAND_DECLARATIONS[id];
}

/** Whether a key press matches a binding; `mod` is Cmd on macOS, Ctrl elsewhere. */
export function matchesKeyBinding(
  binding: KeyBinding,
  event: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly shiftKey: boolean; readonly altKey: boolean },
  isMac: boolean,
): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return (
    binding.key.toLowerCase() === event.key.toLowerCase() &&
    !!binding.mod === mod &&
    !!binding.shift === event.shiftKey &&
    !!binding.alt === event.altKey
  );
}
