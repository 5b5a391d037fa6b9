import { parseSessionFile, serializeSession } from '../domain';
import type { AutosaveHost } from '../platform/platform';
import { confirmDiscardOrSave, type FileContext } from './fileActions';
import type { SessionDraft } from './fileSlice';
import { isDirty, replaceSession, type AppState, type AppStore } from './store';

/** Quiet time after the last change before the session is autosaved. */
export const AUTOSAVE_DELAY_MS = 2000;
/**
 * Someone who never pauses still gets an autosave this often. With text
 * fields reaching the store within LIVE_COMMIT_MS of a keystroke, a crash
 * loses at most about 4 s of work (issue 9 asks for ≤ 5 s).
 */
export const AUTOSAVE_MAX_WAIT_MS = 3000;

export interface AutosaveClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realClock: AutosaveClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

const warn = (what: string) => (error: unknown) => console.warn(`Autosave: could not ${what}.`, error);

/** Something the autosave should hold: unsaved changes, or input not yet in the session. */
function hasWork(state: AppState): boolean {
  return isDirty(state) || Object.keys(state.drafts).length > 0;
}

/** The session as the autosave keeps it: with every draft (a note being typed) applied. */
export function sessionWithDrafts(state: AppState): AppState['session'] {
  return Object.values(state.drafts).reduce((session: AppState['session'], draft: SessionDraft) => {
    try {
      return draft(session);
    } catch (error) {
      // A draft that can't be applied must not cost the autosave of everything else.
      warn('apply a draft')(error);
      return session;
    }
  }, state.session);
}

/**
 * Keep the host's autosave in step with the document:
 *
 * - unsaved changes: write the session AUTOSAVE_DELAY_MS after the last
 *   change (debounced: a burst of edits is one write; drawing commits a
 *   stroke once, on pointer-up, never per pointer event), and at least every
 *   AUTOSAVE_MAX_WAIT_MS while changes keep coming;
 * - input not yet in the session (state.drafts: a note being typed) counts
 *   as a change, and is written with the session;
 * - clean again (saved, opened, new, or undone back to the saved state):
 *   clear it — unless it still holds an earlier run's session on offer
 *   (state.recovery), which stays until the user decides or a write of this
 *   session replaces it;
 * - never write or clear while the host's autosave is a newer version's
 *   (state.newerAutosave): it is that version's to recover.
 *
 * Writes and clears are handed to the host in the order they happen. Returns
 * a function that stops (a pending write is dropped).
 */
export function startAutosave(store: AppStore, host: AutosaveHost, clock: AutosaveClock = realClock): () => void {
  let timer: unknown;
  let pendingSince: number | undefined;
  // Tell the user once when writes start failing (disk full, storage blocked), not every few seconds.
  let failureShown = false;

  const cancel = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pendingSince = undefined;
  };

  const write = (): void => {
    timer = undefined;
    pendingSince = undefined;
    const state = store.getState();
    if (!hasWork(state) || state.newerAutosave) return;
    const text = serializeSession(sessionWithDrafts(state));
    // This write replaces the earlier run's autosave: it can't be offered any more.
    if (state.recovery) store.setState({ recovery: null });
    // The name is only shown in the offer; a bounded one always passes the host's checks.
    const projectName = state.session.project.name.slice(0, 200);
    host.write(text, { projectName, fileId: state.fileId }).then(
      () => {
        failureShown = false;
      },
      (error: unknown) => {
        warn('write the session')(error);
        if (failureShown) return;
        failureShown = true;
        store.setState({ notice: { kind: 'autosaveFailed', detail: error instanceof Error ? error.message : String(error) } });
      },
    );
  };

  const schedule = (): void => {
    const now = clock.now();
    pendingSince ??= now;
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(write, Math.max(0, Math.min(AUTOSAVE_DELAY_MS, pendingSince + AUTOSAVE_MAX_WAIT_MS - now)));
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session === previous.session && state.savedSession === previous.savedSession && state.drafts === previous.drafts) return;
    if (state.newerAutosave) return;
    if (hasWork(state)) {
      schedule();
      return;
    }
    cancel();
    if (!state.recovery) host.clear().catch(warn('clear the autosave'));
  });

  return () => {
    cancel();
    unsubscribe();
  };
}

/**
 * At start-up: is there an earlier run's unsaved session? Offer it (the start
 * screen shows it), or — when it can't be read or loaded — say so and clear
 * it, so it is never offered broken again. One written by a newer Wavelength
 * is neither: it is kept for that version, and this window leaves it alone.
 */
export async function loadRecoveryOffer(ctx: FileContext): Promise<void> {
  const { store, platform } = ctx;
  let found;
  try {
    found = await platform.autosave.read();
  } catch (error) {
    warn('read the autosave')(error);
    return;
  }
  if (found.kind === 'none') return;
  if (found.kind === 'corrupt') {
    store.setState({ notice: { kind: 'recoveryFailed', error: null, detail: found.detail } });
    await platform.autosave.clear().catch(warn('clear the autosave'));
    return;
  }
  const parsed = parseSessionFile(found.text);
  if (!parsed.ok && parsed.error.kind === 'versionTooNew') {
    const { found: version, supported } = parsed.error;
    store.setState({ newerAutosave: { found: version, supported }, notice: { kind: 'newerAutosaveKept', found: version, supported } });
    return;
  }
  if (!parsed.ok) {
    store.setState({ notice: { kind: 'recoveryFailed', error: parsed.error, detail: '' } });
    await platform.autosave.clear().catch(warn('clear the autosave'));
    return;
  }
  store.setState({
    recovery: {
      session: parsed.session,
      savedAt: found.savedAt,
      projectName: found.projectName,
      fileId: found.fileId,
      fileName: found.fileName,
    },
  });
}

/** Open the offered session again, with its changes unsaved and (on the desktop) linked to the file it came from. */
export async function recoverAutosave(ctx: FileContext): Promise<boolean> {
  const offer = ctx.store.getState().recovery;
  if (!offer) return false;
  if (!(await confirmDiscardOrSave(ctx))) return false;
  // Taken off before the session changes, so the autosave below writes the recovered session over the old copy.
  ctx.store.setState({ recovery: null });
  replaceSession(ctx.store, offer.session, { fileId: offer.fileId, fileName: offer.fileName }, { unsaved: true });
  ctx.store.setState({ notice: { kind: 'recovered', projectName: offer.session.project.name } });
  return true;
}

/** The user doesn't want the offered session: forget it. */
export async function discardAutosave(ctx: FileContext): Promise<void> {
  if (!ctx.store.getState().recovery) return;
  ctx.store.setState({ recovery: null });
  await ctx.platform.autosave.clear().catch(warn('clear the autosave'));
}
