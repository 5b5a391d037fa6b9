// The renderer's side of the desktop conventions, on the store with a scripted
// host: the recent list at start-up and opening from it, a dropped file
// through the same checks as Open, Copy chart's answers, the next retro.
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../renderer/i18n';
import {
  createAppStore,
  findCommand,
  isDirty,
  newRetroFromThis,
  openDroppedFiles,
  openRecentFile,
  startFileServices,
  type FileContext,
} from '../../renderer/state';
import type { ExternalFileResult, Platform, RecentFile, RecentHost } from '../../renderer/platform/platform';
import { describeNotice } from '../../renderer/ui/notices';
import { nativeTexts } from '../../renderer/ui/nativeTexts';
import { scriptedHost } from './scriptedHost';

const en = createI18n('en').t;
const de = createI18n('de').t;

function context(answers: Partial<Platform> = {}): FileContext {
  const store = createAppStore('en');
  const { host } = scriptedHost(answers);
  return { store, platform: host, nativeTexts: () => nativeTexts(en), untitledName: () => 'Retro' };
}

const sampleText = () => readFile('assets/samples/overstretched.wavelength', 'utf8');
const dropped = (name: string, text: string) => ({ name, size: Buffer.byteLength(text), bytes: async () => new TextEncoder().encode(text) });
const noticeText = (ctx: FileContext, t = en) => describeNotice(t, ctx.store.getState().notice!).text;

describe('recent files', () => {
  const list: RecentFile[] = [{ recentId: 'r1', fileName: 'Atlas.wavelength', folder: '/home/anna/Retros' }];

  function recentHost(open: (id: string) => Promise<ExternalFileResult>): RecentHost & { emit(files: RecentFile[]): void } {
    let listener: ((files: RecentFile[]) => void) | undefined;
    return {
      list: async () => list,
      open,
      clear: async () => undefined,
      onChange: (l) => {
        listener = l;
        return () => (listener = undefined);
      },
      emit: (files) => listener?.(files),
    };
  }

  it('start-up puts the host’s list in the store, and follows its changes', async () => {
    const recent = recentHost(async () => ({ kind: 'error', fileName: '', reason: 'notFound', detail: '' }));
    const ctx = context({ recent });
    const stop = startFileServices(ctx);
    await vi.waitFor(() => expect(ctx.store.getState().recentFiles).toEqual(list));
    recent.emit([]);
    expect(ctx.store.getState().recentFiles).toEqual([]);
    stop();
  });

  it('opening one opens what the host read again, with its file id', async () => {
    const text = await sampleText();
    const ctx = context({ recent: recentHost(async (id) => ({ kind: 'opened', fileId: `file-of-${id}`, fileName: 'Atlas.wavelength', text })) });
    await expect(openRecentFile(ctx, 'r1')).resolves.toBe(true);
    expect(ctx.store.getState()).toMatchObject({ fileId: 'file-of-r1', fileName: 'Atlas.wavelength' });
    expect(ctx.store.getState().session.project.name).toBe('CRM-Einführung');
  });

  it('a recent file that is gone says so and leaves the session as it was', async () => {
    const ctx = context({ recent: recentHost(async () => ({ kind: 'error', fileName: 'Atlas.wavelength', reason: 'notFound', detail: 'ENOENT' })) });
    const before = ctx.store.getState().session;
    await expect(openRecentFile(ctx, 'r1')).resolves.toBe(false);
    expect(ctx.store.getState().session).toBe(before);
    expect(noticeText(ctx)).toMatch(/^“Atlas.wavelength” could not be opened/);
  });
});

describe('a dropped file', () => {
  it('opens as an unnamed copy: Save asks where, and the page never names the dropped file to the host', async () => {
    const ctx = context();
    await expect(openDroppedFiles(ctx, [dropped('overstretched.wavelength', await sampleText())])).resolves.toBe(true);
    const s = ctx.store.getState();
    expect(s).toMatchObject({ fileId: null, fileName: 'overstretched.wavelength' });
    expect(isDirty(s)).toBe(false);
  });

  it('refuses another type and a broken file before asking anything, the session untouched', async () => {
    const confirmUnsaved = vi.fn(async () => 'discard' as const);
    const ctx = context({ confirmUnsaved });
    ctx.store.getState().updateProject({ name: 'Unsaved' });
    const before = ctx.store.getState().session;

    await expect(openDroppedFiles(ctx, [dropped('slides.pptx', 'PK…')])).resolves.toBe(false);
    expect(noticeText(ctx, de)).toBe(`„slides.pptx“ ist keine Wavelength-Sitzung (eine .wavelength-Datei). ${de('notices.untouched')}`);

    await expect(openDroppedFiles(ctx, [dropped('broken.wavelength', '{"format":"wavelength-session","version":2,')])).resolves.toBe(false);
    expect(ctx.store.getState().notice).toMatchObject({ kind: 'openFailed', fileName: 'broken.wavelength', error: { kind: 'notJson' } });

    await expect(openDroppedFiles(ctx, [dropped('latin1.wavelength', '')].map((f) => ({ ...f, bytes: async () => new Uint8Array([0xff, 0xfe, 0x41]) })))).resolves.toBe(false);
    expect(ctx.store.getState().notice).toMatchObject({ kind: 'readFailed', reason: 'notUtf8' });

    await expect(openDroppedFiles(ctx, [{ name: 'huge.wavelength', size: 21 * 1024 * 1024, bytes: async () => { throw new Error('must not be read'); } }])).resolves.toBe(false);
    expect(ctx.store.getState().notice).toMatchObject({ kind: 'readFailed', reason: 'tooLarge' });

    expect(confirmUnsaved).not.toHaveBeenCalled();
    expect(ctx.store.getState().session).toBe(before);
  });

  it('with unsaved changes asks first; Cancel keeps them', async () => {
    const ctx = context({ confirmUnsaved: async () => 'cancel' });
    ctx.store.getState().updateProject({ name: 'Unsaved' });
    await expect(openDroppedFiles(ctx, [dropped('overstretched.wavelength', await sampleText())])).resolves.toBe(false);
    expect(ctx.store.getState().session.project.name).toBe('Unsaved');
  });
});

describe('Copy chart as image', () => {
  it('says each of the host’s answers, and offers the PNG export where copying can’t work', () => {
    // The PNG itself needs a canvas (a browser: tests/e2e/desktop.spec.ts); here, what each answer reads as.
    const describe_ = describeNotice;
    expect(describe_(en, { kind: 'chartCopyUnsupported' })).toEqual({
      text: 'This browser cannot put pictures on the clipboard. Export the chart as a PNG instead.',
      isError: true,
      action: 'export.png',
    });
    expect(describe_(de, { kind: 'chartCopyFailed', problem: 'refused', detail: 'NotAllowedError' }).text).toBe(
      'Das Diagramm ließ sich nicht kopieren: Das System hat die Zwischenablage verweigert. (Systemmeldung: NotAllowedError) Exportiere es stattdessen als PNG.',
    );
    expect(describe_(en, { kind: 'chartCopyFailed', problem: 'notAPicture', detail: '' }).text).toBe(
      'The chart could not be copied: the picture was not readable. Export it as a PNG instead.',
    );
    expect(describe_(en, { kind: 'chartCopied' })).toEqual({ text: 'The chart is on the clipboard: paste it into your slides.', isError: false });
    expect(findCommand('edit.copyChart').keys[0]).toEqual({ key: 'c', mod: true, shift: true });
  });
});

describe('New retro from this one', () => {
  it('asks about unsaved changes, then starts an untitled, unsaved retro with the open items and says how many came along', async () => {
    const confirmUnsaved = vi.fn(async () => 'discard' as const);
    const ctx = context({ confirmUnsaved });
    const state = ctx.store.getState();
    state.updateProject({ name: 'Atlas', date: '2026-11-27' });
    state.addParticipant('Anna', state.session.teams[0]!.id);
    state.addAction({ what: 'Joint meeting', who: 'Anna', due: '' });
    state.addAction({ what: 'Done already', who: '', due: '' });
    const done = ctx.store.getState().session.actions[1]!;
    ctx.store.getState().updateAction(done.id, { done: true });

    await expect(newRetroFromThis(ctx)).resolves.toBe(true);
    expect(confirmUnsaved).toHaveBeenCalledOnce();
    const s = ctx.store.getState();
    expect(s.fileId).toBeNull();
    expect(isDirty(s)).toBe(true);
    expect(s.session.project.name).toBe('');
    expect(s.session.participants.map((p) => p.name)).toEqual(['Anna']);
    expect(s.session.actions.map((a) => [a.what, a.carriedOver])).toEqual([['Joint meeting', { from: 'Atlas', date: '2026-11-27' }]]);
    expect(noticeText(ctx)).toBe('A new retro from “Atlas”: 1 open action item is carried over for review. Save it under a new name.');
    expect(describeNotice(de, s.notice!).text).toBe('Eine neue Retro aus „Atlas“: 1 offene Maßnahme ist zur Durchsicht übernommen. Speichere sie unter neuem Namen.');
    // Undo does not go back into the previous retro: a new document starts its own history.
    expect(ctx.store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('Cancel keeps the current retro', async () => {
    const ctx = context({ confirmUnsaved: async () => 'cancel' });
    ctx.store.getState().updateProject({ name: 'Atlas' });
    await expect(newRetroFromThis(ctx)).resolves.toBe(false);
    expect(ctx.store.getState().session.project.name).toBe('Atlas');
  });
});
