import { describe, expect, it } from 'vitest';
import { parseSessionFile, timePos } from '../../renderer/domain';
import type { NativeTexts } from '../../renderer/platform/platform';
import { commandForKey, createAppStore, findCommand, isDirty, newSession, openSession, saveSession } from '../../renderer/state';
import { scriptedHost } from './scriptedHost';

const texts = () => ({}) as NativeTexts;

describe('file actions', () => {
  it('saves the serialized session and marks it clean', async () => {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Atlas / Phase 2' });
    const { host, saved } = scriptedHost();
    const ok = await saveSession({ store, platform: host, nativeTexts: texts, untitledName: () => 'Retro' }, { saveAs: false });
    expect(ok).toBe(true);
    expect(saved[0]!.suggestedName).toBe('Atlas Phase 2.wavelength');
    expect(saved[0]!.saveAs).toBe(true); // never saved before: ask where
    const parsed = parseSessionFile(saved[0]!.text);
    expect(parsed.ok && parsed.session.project.name).toBe('Atlas / Phase 2');
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().fileId).toBe('f1');
  });

  it('keeps the current session when a broken file is opened, and says why', async () => {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Keep me' });
    const { host } = scriptedHost({
      confirmUnsaved: async () => 'discard',
      openSession: async () => ({ kind: 'opened', fileId: 'f2', fileName: 'broken.wavelength', text: '{"format":' }),
    });
    const ok = await openSession({ store, platform: host, nativeTexts: texts, untitledName: () => 'Retro' });
    expect(ok).toBe(false);
    expect(store.getState().session.project.name).toBe('Keep me');
    expect(store.getState().notice).toMatchObject({ kind: 'openFailed', fileName: 'broken.wavelength', error: { kind: 'notJson' } });
  });

  it('does not start a new session when the user cancels the unsaved-changes question', async () => {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Unsaved' });
    const { host } = scriptedHost({ confirmUnsaved: async () => 'cancel' });
    expect(await newSession({ store, platform: host, nativeTexts: texts, untitledName: () => 'Retro' })).toBe(false);
    expect(store.getState().session.project.name).toBe('Unsaved');
  });
});

describe('commands', () => {
  const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
    key: k,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
  });

  it('maps Ctrl+S, Ctrl+Shift+S and Cmd+Z to save, save as and undo', () => {
    expect(commandForKey(key('s', { ctrl: true }), false, false)?.id).toBe('file.save');
    expect(commandForKey(key('S', { ctrl: true, shift: true }), false, false)?.id).toBe('file.saveAs');
    expect(commandForKey(key('z', { meta: true }), true, false)?.id).toBe('edit.undo');
    expect(commandForKey(key('z', { ctrl: true }), true, false)).toBeUndefined();
  });

  it('leaves undo and arrow keys to a text field that has focus', () => {
    expect(commandForKey(key('z', { ctrl: true }), false, true)).toBeUndefined();
    expect(commandForKey(key('ArrowRight'), false, true)).toBeUndefined();
    expect(commandForKey(key('s', { ctrl: true }), false, true)?.id).toBe('file.save');
  });

  it('steps the reveal forward and back within its groups', () => {
    const store = createAppStore('en');
    const sales = store.getState().session.teams[0]!.id;
    store.getState().addParticipant('A', sales);
    const a = store.getState().session.participants[0]!.id;
    store.getState().setCurveFromValues(a, [timePos(0.1), timePos(0.9)], [0.2, 0.8]);
    store.getState().setView('reveal');
    const ctx = { store, platform: scriptedHost().host, nativeTexts: texts, untitledName: () => 'R' };
    findCommand('reveal.next').run(ctx);
    findCommand('reveal.next').run(ctx);
    expect(store.getState().revealStep).toBe(1);
    expect(findCommand('reveal.next').enabled(ctx)).toBe(false);
    findCommand('reveal.previous').run(ctx);
    expect(store.getState().revealStep).toBe(0);
  });
});
