import type { AppStore } from './store';

/**
 * While someone types, a text field puts the text into the store at most
 * this long after a keystroke, and with it into the autosave: a crash
 * mid-sentence loses seconds, not the sentence (issue 9).
 */
export const LIVE_COMMIT_MS = 1000;

/**
 * One edit of a text field, committed to the store while it is typed (so
 * the autosave has it within seconds) but undone in one step: the first
 * commit records the state before the edit in the undo history, later ones
 * change the session without recording, and cancelling (Esc) takes the
 * edit back as if it had never been.
 */
export interface FieldEdit {
  /** Run a store action that puts the field's current text into the session. */
  commit(apply: () => void): void;
  /** Undo what this edit committed, leaving no redo step behind. */
  cancel(): void;
}

export function beginFieldEdit(store: AppStore): FieldEdit {
  let recorded = false;
  return {
    commit(apply) {
      if (!recorded) {
        const before = store.getState().session;
        apply();
        recorded = store.getState().session !== before;
        return;
      }
      const history = store.temporal.getState();
      history.pause();
      try {
        apply();
      } finally {
        history.resume();
      }
    },
    cancel() {
      if (!recorded) return;
      recorded = false;
      // The undo brings back the very session object from before the edit, so "unsaved" is as it was.
      store.temporal.getState().undo();
      store.temporal.setState((h) => ({ futureStates: h.futureStates.slice(0, -1) }));
    },
  };
}
