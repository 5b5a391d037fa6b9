import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, createSession, LATEST_SESSION_VERSION, parseSessionFile, timePos } from '../../renderer/domain';
import type { AutosaveReadResult } from '../../renderer/platform/platform';
import {
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_MAX_WAIT_MS,
  beginFieldEdit,
  createAppStore,
  isDirty,
  LIVE_COMMIT_MS,
  loadRecoveryOffer,
  saveSession,
  startAutosave,
} from '../../renderer/state';
import { fileContext as context, recordingAutosave, type AutosaveCall } from './scriptedHost';

/**
 * Issue 9, the renderer's half of "crashes lose ≤ 5 s of work and never the
 * autosave": a newer version's autosave is kept, not deleted; what is being
 * typed reaches the autosave; one field edit is one undo step however often
 * it reached the store.
 */

const written = (call: AutosaveCall | undefined) => {
  if (!call || call[0] !== 'write') throw new Error(`expected a write, got ${JSON.stringify(call)}`);
  const parsed = parseSessionFile(call[1]);
  if (!parsed.ok) throw new Error('the autosave does not parse');
  return parsed.session;
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('an autosave written by a newer Wavelength', () => {
  const newer: AutosaveReadResult = {
    kind: 'found',
    savedAt: '2027-01-05T09:00:00.000Z',
    projectName: 'Atlas',
    // What a later format could look like: this version can't read it, and must not judge it.
    text: JSON.stringify({ format: 'wavelength-session', version: LATEST_SESSION_VERSION + 1, session: { shiny: true } }),
    fileId: null,
    fileName: null,
  };

  it('is kept: not cleared at start-up, not overwritten by edits, not cleared by a save, and the user is told', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave(newer);
    startAutosave(store, host);
    await loadRecoveryOffer(context(store, { autosave: host }));

    expect(store.getState().recovery).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'newerAutosaveKept', found: LATEST_SESSION_VERSION + 1, supported: LATEST_SESSION_VERSION });
    store.getState().updateProject({ name: 'Beta' });
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS * 3);
    await saveSession(context(store), { saveAs: false });
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS * 3);
    expect(calls).toEqual([]);
  });
});

describe('what is being typed', () => {
  it('reaches the autosave as a draft, without changing the session or its undo history', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    const roundId = store.getState().roundId;
    const note = { roundId, at: timePos(0.4), participantId: null, kind: 'event' as const, text: 'Kickoff was late', author: 'Anna' };

    store.getState().setDraft('note-form', (session) => addNote(session, note));
    expect(isDirty(store.getState())).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written(calls[0]).notes).toMatchObject([{ text: 'Kickoff was late', author: 'Anna', at: 0.4 }]);

    // Given up (the form emptied): nothing left to keep, so the autosave goes.
    store.getState().setDraft('note-form', null);
    expect(calls.map((c) => c[0])).toEqual(['write', 'clear']);
  });

  it('keeps the rest of the autosave when a draft cannot be applied', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    store.getState().setDraft('broken', () => {
      throw new Error('no');
    });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(written(calls[0]).project.name).toBe('Atlas');
    warn.mockRestore();
  });

  it('is autosaved within 5 s of the keystroke, however long the typing goes on', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    // A field committing every LIVE_COMMIT_MS (its most) for 30 s; each keystroke reaches the store by then.
    const writes: { at: number; name: string }[] = [];
    const typedAt = new Map<string, number>();
    for (let t = 0; t <= 30_000; t += 100) {
      if (t % LIVE_COMMIT_MS === 0) {
        const name = `Atlas ${t}`;
        typedAt.set(name, t - LIVE_COMMIT_MS);
        store.getState().updateProject({ name });
      }
      vi.advanceTimersByTime(100);
      while (writes.length < calls.length) writes.push({ at: t + 100, name: written(calls[writes.length]).project.name });
    }
    // Every text typed at time k is in some autosave written by k + 5 s.
    for (const [name, at] of typedAt) {
      if (at > 30_000 - 5000) continue;
      const savedBy = writes.find((w) => (typedAt.get(w.name) ?? -1) >= at);
      expect(savedBy, name).toBeDefined();
      expect(savedBy!.at - at, name).toBeLessThanOrEqual(5000);
    }
  });
});

describe('beginFieldEdit', () => {
  it('records one undo step however often the field commits, and the undo goes back to before the edit', () => {
    const store = createAppStore('en');
    const before = store.getState().session;
    const edit = beginFieldEdit(store);
    for (const name of ['A', 'At', 'Atl', 'Atlas']) edit.commit(() => store.getState().updateProject({ name }));
    expect(store.getState().session.project.name).toBe('Atlas');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().session).toBe(before);
  });

  it('cancel takes the edit back exactly, with nothing to redo, and the session is unchanged again', () => {
    const store = createAppStore('en', createSession('en', '2026-03-12'));
    const edit = beginFieldEdit(store);
    edit.commit(() => store.getState().updateProject({ name: 'A' }));
    edit.commit(() => store.getState().updateProject({ name: 'At' }));
    edit.cancel();
    expect(store.getState().session.project.name).toBe('');
    expect(isDirty(store.getState())).toBe(false);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.temporal.getState().futureStates).toHaveLength(0);
  });

  it('a second edit of the field is a second undo step', () => {
    const store = createAppStore('en');
    const first = beginFieldEdit(store);
    first.commit(() => store.getState().updateProject({ name: 'Atlas' }));
    const second = beginFieldEdit(store);
    second.commit(() => store.getState().updateProject({ name: 'Atlas 2' }));
    second.commit(() => store.getState().updateProject({ name: 'Atlas 22' }));
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.temporal.getState().undo();
    expect(store.getState().session.project.name).toBe('Atlas');
  });
});
