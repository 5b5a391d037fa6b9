import { COMMAND_DECLARATIONS, matchesKeyBinding, type CommandDeclaration, type CommandId, type KeyBinding } from '../../shared/commands';
import { copyChartImage, newRetroFromThis } from './desktopActions';
import { newSession, openSession, saveAndClose, saveSession, type FileContext } from './fileActions';
import type { ExportFormat } from './exportSlice';
import { revealGroups } from './selectors';
import type { AppState } from './store';

export type { CommandId, KeyBinding };

/**
 * Every user command, once: the toolbar buttons, the keyboard shortcuts, the
 * native menu (via AppCommand) and the presenter window's clicker keys all
 * run them from this table. Labels and keys are declared in
 * shared/commands.ts, where main's menu reads them too; this adds what each
 * command does.
 */
export interface Command extends CommandDeclaration {
  readonly id: CommandId;
  enabled(ctx: FileContext): boolean;
  run(ctx: FileContext): void | Promise<unknown>;
}

type Behaviour = Pick<Command, 'enabled' | 'run'>;

const always = () => true;

const step = (ctx: FileContext, delta: 1 | -1) => {
  const s: AppState = ctx.store.getState();
  const total = revealGroups(s.session, s.roundId, s.revealMode).length;
  s.setRevealStep(Math.min(total, Math.max(0, s.revealStep + delta)));
};

const exportCommand = (format: ExportFormat): Behaviour => ({
  enabled: always,
  run: (ctx) => ctx.store.getState().openExportDialog(format),
});

const BEHAVIOUR: { readonly [K in CommandId]: Behaviour } = {
  'file.new': { enabled: always, run: newSession },
  'file.open': { enabled: always, run: openSession },
  'file.save': { enabled: always, run: (ctx) => saveSession(ctx, { saveAs: false }) },
  'file.saveAs': { enabled: always, run: (ctx) => saveSession(ctx, { saveAs: true }) },
  'edit.undo': {
    enabled: (ctx) => ctx.store.temporal.getState().pastStates.length > 0,
    run: (ctx) => ctx.store.temporal.getState().undo(),
  },
  'edit.redo': {
    enabled: (ctx) => ctx.store.temporal.getState().futureStates.length > 0,
    run: (ctx) => ctx.store.temporal.getState().redo(),
  },
  'app.saveAndClose': { enabled: always, run: saveAndClose },
  'view.setup': { enabled: always, run: (ctx) => ctx.store.getState().setView('setup') },
  'view.draw': { enabled: always, run: (ctx) => ctx.store.getState().setView('draw') },
  'view.reveal': { enabled: always, run: (ctx) => ctx.store.getState().setView('reveal') },
  'view.compare': { enabled: always, run: (ctx) => ctx.store.getState().setView('compare') },
  'view.discuss': { enabled: always, run: (ctx) => ctx.store.getState().setView('discuss') },
  'reveal.next': {
    enabled: (ctx) => {
      const s = ctx.store.getState();
      return s.view === 'reveal' && s.revealStep < revealGroups(s.session, s.roundId, s.revealMode).length;
    },
    run: (ctx) => step(ctx, 1),
  },
  'reveal.previous': {
    enabled: (ctx) => ctx.store.getState().view === 'reveal' && ctx.store.getState().revealStep > 0,
    run: (ctx) => step(ctx, -1),
  },
  'export.pdf': exportCommand('pdf'),
  'export.png': exportCommand('png'),
  'export.svg': exportCommand('svg'),
  'export.csv': exportCommand('csv'),
  'present.toggle': {
    enabled: always,
    run: (ctx) => {
      const s = ctx.store.getState();
      s.setPresenting(!s.presenting);
    },
  },
  'present.leave': { enabled: (ctx) => ctx.store.getState().presenting, run: (ctx) => ctx.store.getState().setPresenting(false) },
  'presenter.toggleWindow': { enabled: always, run: (ctx) => togglePresenterWindow(ctx, null) },
  'file.newFromThis': { enabled: always, run: newRetroFromThis },
  'edit.copyChart': { enabled: always, run: copyChartImage },
  'help.shortcuts': { enabled: always, run: (ctx) => ctx.store.getState().openHelp('shortcuts') },
  'help.about': { enabled: always, run: (ctx) => ctx.store.getState().openHelp('about') },
};

export const COMMANDS: readonly Command[] = (Object.keys(COMMAND_DECLARATIONS) as CommandId[]).map((id) => ({
  id,
  ...COMMAND_DECLARATIONS[id],
  ...BEHAVIOUR[id],
}));

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
  return COMMANDS.find((c) => (!inTextField || c.inTextFields) && c.keys.some((k) => matchesKeyBinding(k, event, isMac)));
}

/** "Ctrl+Shift+S" / "⌘⇧S" for tooltips and the shortcut list. */
export function formatKeyBinding(k: KeyBinding, isMac: boolean): string {
  const key = k.key === ' ' ? 'Space' : k.key === 'ArrowRight' ? '→' : k.key === 'ArrowLeft' ? '←' : k.key.length === 1 ? k.key.toUpperCase() : k.key;
  if (isMac) return `${k.mod ? '⌘' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${key}`;
  return [k.mod ? 'Ctrl' : '', k.alt ? 'Alt' : '', k.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
