import type { AppCommand } from '../platform/platform';
import { newSession, openSession, saveAndClose, saveSession, type FileContext } from './fileActions';
import { EXPORT_FORMATS } from './exportSlice';
import { revealGroups } from './selectors';
import type { AppState } from './store';

/**
 * Every user command, once: the toolbar buttons, the keyboard shortcuts and
 * the native menu (via AppCommand) all run them from this table.
 */
export type CommandId =
  | AppCommand
  | 'view.setup'
  | 'view.draw'
  | 'view.reveal'
  | 'view.compare'
  | 'view.discuss'
  | 'reveal.next'
  | 'reveal.previous'
  | 'present.leave';

export interface KeyBinding {
  /** KeyboardEvent.key, compared case-insensitively. */
  readonly key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface Command {
  readonly id: CommandId;
  /** i18n key of the label (e.g. `commands.file.save`). */
  readonly labelKey: string;
  readonly keys: readonly KeyBinding[];
  /** Also fires while typing in a text field (only for shortcuts with a modifier). */
  readonly inTextFields: boolean;
  enabled(ctx: FileContext): boolean;
  run(ctx: FileContext): void | Promise<unknown>;
}

const always = () => true;

const step = (ctx: FileContext, delta: 1 | -1) => {
  const s: AppState = ctx.store.getState();
  const total = revealGroups(s.session, s.roundId, s.revealMode).length;
  s.setRevealStep(Math.min(total, Math.max(0, s.revealStep + delta)));
};

export const COMMANDS: readonly Command[] = [
  { id: 'file.new', labelKey: 'commands.file.new', keys: [{ key: 'n', mod: true }], inTextFields: true, enabled: always, run: newSession },
  { id: 'file.open', labelKey: 'commands.file.open', keys: [{ key: 'o', mod: true }], inTextFields: true, enabled: always, run: openSession },
  {
    id: 'file.save',
    labelKey: 'commands.file.save',
    keys: [{ key: 's', mod: true }],
    inTextFields: true,
    enabled: always,
    run: (ctx) => saveSession(ctx, { saveAs: false }),
  },
  {
    id: 'file.saveAs',
    labelKey: 'commands.file.saveAs',
    keys: [{ key: 's', mod: true, shift: true }],
    inTextFields: true,
    enabled: always,
    run: (ctx) => saveSession(ctx, { saveAs: true }),
  },
  {
    id: 'edit.undo',
    labelKey: 'commands.edit.undo',
    keys: [{ key: 'z', mod: true }],
    inTextFields: false,
    enabled: (ctx) => ctx.store.temporal.getState().pastStates.length > 0,
    run: (ctx) => ctx.store.temporal.getState().undo(),
  },
  {
    id: 'edit.redo',
    labelKey: 'commands.edit.redo',
    keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }],
    inTextFields: false,
    enabled: (ctx) => ctx.store.temporal.getState().futureStates.length > 0,
    run: (ctx) => ctx.store.temporal.getState().redo(),
  },
  { id: 'app.saveAndClose', labelKey: 'commands.file.save', keys: [], inTextFields: false, enabled: always, run: saveAndClose },
  { id: 'view.setup', labelKey: 'views.setup', keys: [{ key: '1', alt: true }], inTextFields: true, enabled: always, run: (ctx) => ctx.store.getState().setView('setup') },
  { id: 'view.draw', labelKey: 'views.draw', keys: [{ key: '2', alt: true }], inTextFields: true, enabled: always, run: (ctx) => ctx.store.getState().setView('draw') },
  { id: 'view.reveal', labelKey: 'views.reveal', keys: [{ key: '3', alt: true }], inTextFields: true, enabled: always, run: (ctx) => ctx.store.getState().setView('reveal') },
  { id: 'view.compare', labelKey: 'views.compare', keys: [{ key: '4', alt: true }], inTextFields: true, enabled: always, run: (ctx) => ctx.store.getState().setView('compare') },
  { id: 'view.discuss', labelKey: 'views.discuss', keys: [{ key: '5', alt: true }], inTextFields: true, enabled: always, run: (ctx) => ctx.store.getState().setView('discuss') },
  {
    id: 'reveal.next',
    labelKey: 'reveal.next',
    // PageDown/PageUp: what presentation clickers send.
    keys: [{ key: 'ArrowRight' }, { key: ' ' }, { key: 'PageDown' }],
    inTextFields: false,
    enabled: (ctx) => {
      const s = ctx.store.getState();
      return s.view === 'reveal' && s.revealStep < revealGroups(s.session, s.roundId, s.revealMode).length;
    },
    run: (ctx) => step(ctx, 1),
  },
  {
    id: 'reveal.previous',
    labelKey: 'reveal.previous',
    keys: [{ key: 'ArrowLeft' }, { key: 'PageUp' }],
    inTextFields: false,
    enabled: (ctx) => ctx.store.getState().view === 'reveal' && ctx.store.getState().revealStep > 0,
    run: (ctx) => step(ctx, -1),
  },
  ...EXPORT_FORMATS.map(
    (format): Command => ({
      id: `export.${format}`,
      labelKey: `report.commands.${format}`,
      // Ctrl+P: where people look for "print"; it makes the PDF report.
      keys: format === 'pdf' ? [{ key: 'p', mod: true }] : [],
      inTextFields: true,
      enabled: always,
      run: (ctx) => ctx.store.getState().openExportDialog(format),
    }),
  ),
  {
    id: 'present.toggle',
    labelKey: 'presenter.commands.present',
    keys: [{ key: 'F5' }],
    inTextFields: true,
    enabled: always,
    run: (ctx) => {
      const s = ctx.store.getState();
      s.setPresenting(!s.presenting);
    },
  },
  {
    id: 'present.leave',
    labelKey: 'presenter.commands.leave',
    // Esc is bound by the present mode itself, so the key stays free everywhere else.
    keys: [],
    inTextFields: true,
    enabled: (ctx) => ctx.store.getState().presenting,
    run: (ctx) => ctx.store.getState().setPresenting(false),
  },
  {
    id: 'presenter.toggleWindow',
    labelKey: 'presenter.commands.window',
    keys: [{ key: 'F5', shift: true }],
    inTextFields: true,
    enabled: always,
    run: (ctx) => togglePresenterWindow(ctx, null),
  },
];

/**
 * Open the presenter window (on `displayId`, or where the host suggests), or
 * close it when it is open and no display is named. Reports a blocked pop-up
 * or a failure in the store.
 */
export async function togglePresenterWindow(ctx: FileContext, displayId: number | null): Promise<void> {
  const s = ctx.store.getState();
  if (s.presenterWindow.open && displayId === null) {
    ctx.platform.presenter.close();
    return;
  }
  const result = await ctx.platform.presenter.open(displayId);
  if (result.kind === 'opened') ctx.store.getState().setPresenterWindow(result.status);
  else ctx.store.getState().setPresenterProblem(result.kind);
}

export function findCommand(id: CommandId): Command {
  const command = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`unknown command ${id}`);
  return command;
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The command a key press means, if any. On macOS the modifier is Cmd, elsewhere Ctrl. */
export function commandForKey(event: KeyLike, isMac: boolean, inTextField: boolean): Command | undefined {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return COMMANDS.find(
    (c) =>
      (!inTextField || c.inTextFields) &&
      c.keys.some(
        (k) =>
          k.key.toLowerCase() === event.key.toLowerCase() &&
          !!k.mod === mod &&
          !!k.shift === event.shiftKey &&
          !!k.alt === event.altKey,
      ),
  );
}

/** "Ctrl+Shift+S" / "⌘⇧S" for tooltips and the shortcut list. */
export function formatKeyBinding(k: KeyBinding, isMac: boolean): string {
  const key = k.key === ' ' ? 'Space' : k.key === 'ArrowRight' ? '→' : k.key === 'ArrowLeft' ? '←' : k.key.length === 1 ? k.key.toUpperCase() : k.key;
  if (isMac) return `${k.mod ? '⌘' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${key}`;
  return [k.mod ? 'Ctrl' : '', k.alt ? 'Alt' : '', k.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
