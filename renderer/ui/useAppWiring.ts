import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { commandForKey, findCommand, isDirty, startRoomWiring } from '../state';
import { useServices } from './AppContext';
import { nativeTexts } from './nativeTexts';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
  !(target instanceof HTMLInputElement && ['checkbox', 'radio', 'button'].includes(target.type));

/** Keyboard shortcuts, native menu commands and the window title all run through the command table. */
export function useAppWiring(): void {
  const { store, platform, files, isMac } = useServices();
  const { t, i18n } = useTranslation();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const command = commandForKey(e, isMac, isTextField(e.target));
      if (!command) return;
      // Buttons and links handle Space themselves.
      if (e.key === ' ' && e.target instanceof HTMLElement && ['BUTTON', 'A', 'SUMMARY'].includes(e.target.tagName)) return;
      e.preventDefault();
      if (command.enabled(files)) void command.run(files);
    };
    window.addEventListener('keydown', onKey);
    const off = platform.onCommand((id) => {
      // The native menu's Undo/Redo accelerators also fire while typing: then they belong to the text field.
      if ((id === 'edit.undo' || id === 'edit.redo') && isTextField(document.activeElement)) {
        document.execCommand(id === 'edit.undo' ? 'undo' : 'redo');
        return;
      }
      const command = findCommand(id);
      if (command.enabled(files)) void command.run(files);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [files, isMac, platform]);

  // Title and unsaved-changes flag for the host.
  useEffect(() => {
    const publish = () => {
      const s = store.getState();
      const name = s.fileName ?? (s.session.project.name || t('app.untitled'));
      const dirty = isDirty(s);
      platform.setDocumentState({ title: `${dirty ? '• ' : ''}${name} — Wavelength`, dirty, fileId: s.fileId });
    };
    publish();
    return store.subscribe(publish);
  }, [store, platform, t]);

  // The local room (when the host offers one): status in, round and timer out, submitted curves into the session.
  useEffect(() => startRoomWiring(store, platform.room), [store, platform]);

  // Native menus and dialogs speak the UI language.
  useEffect(() => {
    platform.setNativeTexts(nativeTexts(t));
  }, [platform, t, i18n.language]);
}
