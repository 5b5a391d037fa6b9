import { describe, expect, it } from 'vitest';
import type { NativeTexts, Platform } from '../../renderer/platform/platform';
import { commandForKey, createAppStore, findCommand, type FileContext } from '../../renderer/state';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

function context(): FileContext {
  // The export commands only open the dialog; the host is never asked.
  return { store: createAppStore('en'), platform: {} as Platform, nativeTexts: () => ({}) as NativeTexts, untitledName: () => 'Retro' };
}

describe('export commands', () => {
  it('open the export dialog with their format chosen, from the menu or a button', () => {
    const ctx = context();
    expect(ctx.store.getState().exportDialog).toBeNull();
    for (const format of ['png', 'svg', 'csv', 'pdf'] as const) {
      void findCommand(`export.${format}`).run(ctx);
      expect(ctx.store.getState().exportDialog).toBe(format);
    }
    ctx.store.getState().closeExportDialog();
    expect(ctx.store.getState().exportDialog).toBeNull();
  });

  it('make the PDF report on Ctrl+P (Cmd+P on a Mac), also while typing', () => {
    expect(commandForKey(key('p', { ctrlKey: true }), false, true)?.id).toBe('export.pdf');
    expect(commandForKey(key('P', { metaKey: true }), true, false)?.id).toBe('export.pdf');
    expect(commandForKey(key('p'), false, false)).toBeUndefined();
  });

  it('carry labels from the report texts', () => {
    expect(findCommand('export.png').labelKey).toBe('report.commands.png');
  });
});
