import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, parseSessionFile, serializeSession, type Session } from '../../renderer/domain';
import type { AutosaveHost, AutosaveMeta, AutosaveReadResult, ExternalFileResult } from '../../renderer/platform/platform';
import {
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_MAX_WAIT_MS,
  createAppStore,
  discardAutosave,
  isDirty,
  loadRecoveryOffer,
  newSession,
  openExternalFile,
  recoverAutosave,
  saveSession,
  startAutosave,
  startFileServices,
  type AppStore,
  } from '../../renderer/state';
import { fileContext as context, recordingAutosave } from './scriptedHost';

function sessionNamed(name: string): Session {
  const session = createSession('en', '2026-03-12');
  return { ...session, project: { ...session.project, name } };
}

const projectNameIn = (text: string): string => {
  const parsed = parseSessionFile(text);
  if (!parsed.ok) throw new Error('autosave does not parse');
  return parsed.session.project.name;
};

/** Let promise callbacks (and the fake host's async calls) run. */
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startAutosave', () => {
  it('tells the user once when writes fail, and again only after one has worked', async () => {
    const store = createAppStore('en');
    let fail = true;
    const host: AutosaveHost = {
      write: async () => {
        if (fail) throw new Error('disk full');
      },
      read: async () => ({ kind: 'none' }),
      clear: async () => {},
    };
    startAutosave(store, host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    store.getState().updateProject({ name: 'A' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await flush();
    expect(store.getState().notice).toEqual({ kind: 'autosaveFailed', detail: 'disk full' });

    store.setState({ notice: null });
    store.getState().updateProject({ name: 'At' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await flush();
    expect(store.getState().notice).toBeNull(); // not every few seconds

    fail = false;
    store.getState().updateProject({ name: 'Atl' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await flush();
    fail = true;
    store.getState().updateProject({ name: 'Atla' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await flush();
    expect(store.getState().notice).toEqual({ kind: 'autosaveFailed', detail: 'disk full' });
    warn.mockRestore();
  });

  it('writes once, AUTOSAVE_DELAY_MS after the last of a burst of changes', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);

    store.getState().updateProject({ name: 'A' });
    vi.advanceTimersByTime(500);
    store.getState().updateProject({ name: 'At' });
    vi.advanceTimersByTime(500);
    store.getState().updateProject({ name: 'Atlas' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(calls).toEqual([]);

    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    const [kind, text, meta] = calls[0] as ['write', string, AutosaveMeta];
    expect(kind).toBe('write');
    expect(projectNameIn(text)).toBe('Atlas');
    expect(meta).toEqual({ projectName: 'Atlas', fileId: null });
  });

  it('still writes every AUTOSAVE_MAX_WAIT_MS while changes never pause', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    for (let t = 0; t < AUTOSAVE_MAX_WAIT_MS; t += 1000) {
      store.getState().updateProject({ name: `Atlas ${t}` });
      vi.advanceTimersByTime(1000);
    }
    expect(calls.map((c) => c[0])).toEqual(['write']);
  });

  it('leaves the autosave alone at start-up and for changes outside the document', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    store.getState().setView('compare');
    store.getState().setShowStart(false);
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS * 2);
    expect(calls).toEqual([]);
  });

  it('clears when the session is saved, and drops the write still pending', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    await saveSession(context(store), { saveAs: false });
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS);
    expect(calls).toEqual([['clear']]);
  });

  it('clears for a new session and when undo goes back to the saved state', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    store.temporal.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
    expect(calls.map((c) => c[0])).toEqual(['write', 'clear']);

    store.getState().updateProject({ name: 'Beta' });
    await newSession(context(store, { confirmUnsaved: async () => 'discard' }));
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS);
    expect(calls.map((c) => c[0])).toEqual(['write', 'clear', 'clear']);
  });

  it('passes the fileId of the file the session came from', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    await saveSession(context(store), { saveAs: false });
    store.getState().updateProject({ name: 'Atlas 2' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(calls.at(-1)).toEqual(['write', expect.any(String), { projectName: 'Atlas 2', fileId: 'f1' }]);
  });

  it('stops: nothing pending is written', () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    const stop = startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    stop();
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS);
    store.getState().updateProject({ name: 'Beta' });
    vi.advanceTimersByTime(AUTOSAVE_MAX_WAIT_MS);
    expect(calls).toEqual([]);
  });

  it('logs a failed write as a warning and goes on', async () => {
    const store = createAppStore('en');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host: AutosaveHost = { write: vi.fn(async () => Promise.reject(new Error('disk full'))), read: async () => ({ kind: 'none' }), clear: vi.fn(async () => {}) };
    startAutosave(store, host);
    store.getState().updateProject({ name: 'Atlas' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    await flush();
    expect(warn).toHaveBeenCalledWith('Autosave: could not write the session.', expect.any(Error));
    store.getState().updateProject({ name: 'Atlas 2' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(host.write).toHaveBeenCalledTimes(2);
    await flush();
    warn.mockRestore();
  });
});

describe('recovery', () => {
  const recoveredText = serializeSession(sessionNamed('Projekt Atlas'));
  const found: AutosaveReadResult = {
    kind: 'found',
    savedAt: '2026-03-12T13:05:00.000Z',
    projectName: 'Projekt Atlas',
    text: recoveredText,
    fileId: 'f9',
    fileName: 'Atlas.wavelength',
  };

  it('offers a readable autosave', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave(found);
    await loadRecoveryOffer(context(store, { autosave: host }));
    expect(store.getState().recovery).toMatchObject({
      savedAt: '2026-03-12T13:05:00.000Z',
      projectName: 'Projekt Atlas',
      fileId: 'f9',
      fileName: 'Atlas.wavelength',
      session: { project: { name: 'Projekt Atlas' } },
    });
    expect(store.getState().notice).toBeNull();
    expect(calls).toEqual([]);
  });

  it('offers nothing when there is nothing', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave();
    await loadRecoveryOffer(context(store, { autosave: host }));
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().notice).toBeNull();
    expect(calls).toEqual([]);
  });

  it('says so and clears an autosave the host could not read', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave({ kind: 'corrupt', detail: 'cut off' });
    await loadRecoveryOffer(context(store, { autosave: host }));
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().notice).toEqual({ kind: 'recoveryFailed', error: null, detail: 'cut off' });
    expect(calls).toEqual([['clear']]);
  });

  it('says why and clears an autosave whose session does not load', async () => {
    const store = createAppStore('en');
    // (One from a newer version is kept instead: autosaveKeeps.test.ts.)
    const { host, calls } = recordingAutosave({ ...found, text: '{"format":"wavelength-session","version":2,"session":{}}' } as AutosaveReadResult);
    await loadRecoveryOffer(context(store, { autosave: host }));
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().notice).toMatchObject({ kind: 'recoveryFailed', error: { kind: 'invalid' } });
    expect(calls).toEqual([['clear']]);
  });

  it('does not fail start-up when the host cannot be asked', async () => {
    const store = createAppStore('en');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host: AutosaveHost = { write: async () => {}, read: () => Promise.reject(new Error('gone')), clear: async () => {} };
    await expect(loadRecoveryOffer(context(store, { autosave: host }))).resolves.toBeUndefined();
    expect(store.getState().recovery).toBeNull();
    warn.mockRestore();
  });

  it('recovering opens the session with unsaved changes, linked to its file, and autosaves it again', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave(found);
    const ctx = context(store, { autosave: host });
    startAutosave(store, host);
    await loadRecoveryOffer(ctx);

    expect(await recoverAutosave(ctx)).toBe(true);
    const s = store.getState();
    expect(s.session.project.name).toBe('Projekt Atlas');
    expect(isDirty(s)).toBe(true);
    expect(s.fileId).toBe('f9');
    expect(s.fileName).toBe('Atlas.wavelength');
    expect(s.showStart).toBe(false);
    expect(s.recovery).toBeNull();
    expect(s.notice).toEqual({ kind: 'recovered', projectName: 'Projekt Atlas' });
    // Nothing to undo back to: the recovered session is where history starts.
    expect(store.temporal.getState().pastStates).toHaveLength(0);

    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(calls).toEqual([['write', expect.any(String), { projectName: 'Projekt Atlas', fileId: 'f9' }]]);

    // Saving writes to the linked file, in place, and clears the autosave.
    const saved: string[] = [];
    const ok = await saveSession(
      context(store, {
        saveSession: async (request) => {
          saved.push(`${request.fileId}:${request.saveAs}`);
          return { kind: 'saved', fileId: request.fileId!, fileName: 'Atlas.wavelength', backupProblem: null };
        },
      }),
      { saveAs: false },
    );
    expect(ok).toBe(true);
    expect(saved).toEqual(['f9:false']);
    expect(calls.at(-1)).toEqual(['clear']);
  });

  it('discarding forgets the offer and clears the autosave', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave(found);
    const ctx = context(store, { autosave: host });
    await loadRecoveryOffer(ctx);
    await discardAutosave(ctx);
    expect(store.getState().recovery).toBeNull();
    expect(calls).toEqual([['clear']]);
    expect(store.getState().session.project.name).toBe('');
  });

  it('keeps the offered autosave while the session is only opened or made new; the first write of new work replaces it', async () => {
    const store = createAppStore('en');
    const { host, calls } = recordingAutosave(found);
    const ctx = context(store, { autosave: host });
    startAutosave(store, host);
    await loadRecoveryOffer(ctx);

    await openExternalFile(ctx, { kind: 'opened', fileId: 'f2', fileName: 'Beta.wavelength', text: serializeSession(sessionNamed('Beta')) });
    await newSession(ctx);
    expect(calls).toEqual([]);
    expect(store.getState().recovery).not.toBeNull();

    store.getState().updateProject({ name: 'Gamma' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(calls.map((c) => c[0])).toEqual(['write']);
    expect(store.getState().recovery).toBeNull();
  });
});

describe('openExternalFile', () => {
  const good: ExternalFileResult = { kind: 'opened', fileId: 'f2', fileName: 'Beta.wavelength', text: serializeSession(sessionNamed('Beta')) };

  function dirtyStore(): AppStore {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Keep me' });
    return store;
  }

  it('asks about unsaved changes, then opens the file like Open', async () => {
    const store = dirtyStore();
    const confirmUnsaved = vi.fn(async () => 'discard' as const);
    expect(await openExternalFile(context(store, { confirmUnsaved }), good)).toBe(true);
    expect(confirmUnsaved).toHaveBeenCalledOnce();
    expect(store.getState()).toMatchObject({ fileId: 'f2', fileName: 'Beta.wavelength', notice: { kind: 'opened', fileName: 'Beta.wavelength' } });
    expect(store.getState().session.project.name).toBe('Beta');
    expect(isDirty(store.getState())).toBe(false);
  });

  it('keeps everything when the user cancels', async () => {
    const store = dirtyStore();
    expect(await openExternalFile(context(store, { confirmUnsaved: async () => 'cancel' }), good)).toBe(false);
    expect(store.getState().session.project.name).toBe('Keep me');
  });

  it.each<[string, ExternalFileResult, object]>([
    ['an unreadable file', { kind: 'error', fileName: 'Gone.wavelength', reason: 'notFound', detail: 'ENOENT' }, { kind: 'readFailed', reason: 'notFound' }],
    ['a file that is not a session', { kind: 'error', fileName: 'a.txt', reason: 'notSessionFile', detail: '' }, { kind: 'readFailed', reason: 'notSessionFile' }],
    ['a broken session', { kind: 'opened', fileId: 'f3', fileName: 'broken.wavelength', text: '{"format":' }, { kind: 'openFailed', error: { kind: 'notJson' } }],
  ])('refuses %s with the typed notice, without asking, leaving the session as it was', async (_what, result, notice) => {
    const store = dirtyStore();
    const confirmUnsaved = vi.fn(async () => 'discard' as const);
    expect(await openExternalFile(context(store, { confirmUnsaved }), result)).toBe(false);
    expect(confirmUnsaved).not.toHaveBeenCalled();
    expect(store.getState().notice).toMatchObject(notice);
    expect(store.getState().session.project.name).toBe('Keep me');
    expect(isDirty(store.getState())).toBe(true);
  });
});

describe('startFileServices', () => {
  it('listens for files first, loads the offer, then opens the launch file without losing the offer', async () => {
    vi.useRealTimers();
    const store = createAppStore('en');
    const order: string[] = [];
    const { host: autosave, calls } = recordingAutosave({
      kind: 'found',
      savedAt: '2026-03-12T13:05:00.000Z',
      projectName: 'Old',
      text: serializeSession(sessionNamed('Old')),
      fileId: null,
      fileName: null,
    });
    let deliver: ((result: ExternalFileResult) => void) | undefined;
    const ctx = context(store, {
      autosave: { ...autosave, read: async () => (order.push('read'), autosave.read()) },
      onOpenFile: (listener) => {
        order.push('listen');
        deliver = listener;
        return () => order.push('unlisten');
      },
      takeLaunchFile: async () => {
        order.push('take');
        return { kind: 'opened', fileId: 'f1', fileName: 'Launch.wavelength', text: serializeSession(sessionNamed('Launch')) };
      },
    });

    const stop = startFileServices(ctx);
    await vi.waitFor(() => expect(store.getState().fileName).toBe('Launch.wavelength'));
    expect(order).toEqual(['listen', 'read', 'take']);
    expect(store.getState().recovery?.projectName).toBe('Old');
    expect(store.getState().showStart).toBe(false);
    expect(calls).toEqual([]);

    // A file from the OS later on opens the same way.
    deliver!({ kind: 'opened', fileId: 'f2', fileName: 'Later.wavelength', text: serializeSession(sessionNamed('Later')) });
    await vi.waitFor(() => expect(store.getState().fileName).toBe('Later.wavelength'));

    stop();
    expect(order.at(-1)).toBe('unlisten');
  });
});
