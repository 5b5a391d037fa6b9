// What the user reads when a save fails: main's typed reason in the UI language, the OS's code beside it,
// and the command that helps; never the OS's English error text.
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS, type FileProblem } from '../../shared/messages';
import { createI18n } from '../../renderer/i18n';
import { createAppStore, saveSession, type FileNotice } from '../../renderer/state';
import { describeNotice } from '../../renderer/ui/notices';
import { nativeTexts } from '../../renderer/ui/nativeTexts';
import { COMMAND_DECLARATIONS, APP_COMMANDS } from '../../shared/commands';
import { scriptedHost } from './scriptedHost';

const failed = (problem: FileProblem, osCode: string | null = 'EACCES', targetUnchanged = true): FileNotice => ({
  kind: 'saveFailed',
  fileName: 'Atlas.wavelength',
  problem,
  osCode,
  targetUnchanged,
});

describe('save failures in the UI language', () => {
  const de = createI18n('de').t;
  const en = createI18n('en').t;

  it('a read-only file: a German sentence, the OS code, and Save as… offered', () => {
    expect(describeNotice(de, failed('readOnlyFile'))).toEqual({
      text: '„Atlas.wavelength“ konnte nicht gespeichert werden. Die Datei ist schreibgeschützt. Speichere die Retro mit „Speichern unter…“ unter einem anderen Namen. Die Datei auf der Festplatte ist unverändert. (Systemmeldung: EACCES)',
      isError: true,
      action: 'file.saveAs',
    });
  });

  it('a full disk: what to do, no Save as (another place on the same disk would not help), the file unchanged', () => {
    expect(describeNotice(en, failed('diskFull', 'ENOSPC'))).toEqual({
      text: '“Atlas.wavelength” could not be saved. There is no space left on the drive. Free some space and save again. The file on disk is unchanged. (System: ENOSPC)',
      isError: true,
    });
  });

  it('never claims the file is unchanged when writing into it had begun', () => {
    const text = describeNotice(en, failed('other', 'EIO', false)).text;
    expect(text).not.toContain('unchanged');
    expect(text).toContain('“Atlas.wavelength.bak”');
  });

  it('has a sentence in both languages for every problem main can report', () => {
    for (const t of [de, en]) {
      for (const problem of FILE_PROBLEMS) {
        const { text } = describeNotice(t, failed(problem, null));
        expect(text).not.toContain('saveErrors');
        expect(text.length).toBeGreaterThan(40);
      }
    }
  });

  it('a backup that could not be updated is said, though the save worked', () => {
    expect(describeNotice(en, { kind: 'backupNotUpdated', fileName: 'Atlas.wavelength', osCode: 'EPERM' }).text).toBe(
      'Saved “Atlas.wavelength”. Its backup “Atlas.wavelength.bak” could not be brought up to date and still holds an older version. (System: EPERM)',
    );
  });
});

describe('saveSession hands the host’s reason on', () => {
  it('as a saveFailed notice, the session still unsaved', async () => {
    const store = createAppStore('en');
    store.getState().updateProject({ name: 'Atlas' });
    const { host } = scriptedHost({
      saveSession: async () => ({ kind: 'error', fileName: 'Atlas.wavelength', problem: 'readOnlyFile', osCode: 'EACCES', targetUnchanged: true }),
    });
    const ok = await saveSession({ store, platform: host, nativeTexts: () => nativeTexts(createI18n('en').t), untitledName: () => 'Retro' }, { saveAs: false });
    expect(ok).toBe(false);
    expect(store.getState().notice).toEqual({ kind: 'saveFailed', fileName: 'Atlas.wavelength', problem: 'readOnlyFile', osCode: 'EACCES', targetUnchanged: true });
  });

  it('as backupNotUpdated when the new version is saved but its .bak is not', async () => {
    const store = createAppStore('en');
    const { host } = scriptedHost({
      saveSession: async () => ({ kind: 'saved', fileId: 'f1', fileName: 'Atlas.wavelength', backupProblem: { problem: 'noPermission', osCode: 'EPERM' } }),
    });
    expect(await saveSession({ store, platform: host, nativeTexts: () => nativeTexts(createI18n('en').t), untitledName: () => 'Retro' }, { saveAs: false })).toBe(true);
    expect(store.getState().notice).toEqual({ kind: 'backupNotUpdated', fileName: 'Atlas.wavelength', osCode: 'EPERM' });
  });
});

describe('the native menu speaks the buttons’ words', () => {
  it('each menu command is labelled with its command’s label, in both languages', () => {
    for (const language of ['de', 'en'] as const) {
      const t = createI18n(language).t;
      const texts = nativeTexts(t);
      for (const id of APP_COMMANDS) expect(texts.menu[id]).toBe(t(COMMAND_DECLARATIONS[id].labelKey));
      expect(texts.crashMessage).not.toBe('');
    }
    expect(nativeTexts(createI18n('de').t).menu['file.saveAs']).toBe('Speichern unter…');
  });
});
