import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS, formatKeyBinding } from '../state';
import { APP_VERSION } from './appVersion';
import { useApp, useServices } from './AppContext';

/**
 * Help ▸ About and Help ▸ Keyboard shortcuts (F1), in the app: the version,
 * and every shortcut as the command table declares it (shared/commands.ts),
 * so the list cannot drift from what the keys do. Offline: it links nowhere.
 */
export function HelpDialog() {
  const { t } = useTranslation();
  const { isMac } = useServices();
  const which = useApp((s) => s.helpDialog);
  const close = useApp((s) => s.closeHelp);
  const closeRef = useRef<HTMLButtonElement>(null);
  const shortcutsRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (which === null) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Focus on Close without scrolling to it: About starts at the top, the shortcuts at their table.
    closeRef.current?.focus({ preventScroll: true });
    if (which === 'shortcuts') shortcutsRef.current?.scrollIntoView({ block: 'start' });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [which, close]);

  if (which === null) return null;
  const shortcuts = COMMANDS.filter((c) => c.keys.length > 0);
  return (
    <div className="help-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-dialog">
        <h2 id="help-title">{t('desktop.about.title')}</h2>
        <p className="help-dialog__version" data-testid="app-version">
          {t('desktop.about.version', { version: APP_VERSION })}
        </p>
        <p>{t('desktop.about.lead')}</p>
        <p className="hint">{t('desktop.about.offline')}</p>
        <h3 ref={shortcutsRef} id="help-shortcuts">
          {t('desktop.about.shortcutsTitle')}
        </h3>
        <div className="help-dialog__table">
          <table className="data-table" aria-labelledby="help-shortcuts">
            <thead>
              <tr>
                <th scope="col">{t('desktop.about.action')}</th>
                <th scope="col">{t('desktop.about.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {shortcuts.map((command) => (
                <tr key={command.id}>
                  <td>{t(command.labelKey)}</td>
                  <td>
                    {command.keys.map((k, i) => (
                      <span key={i}>
                        {i > 0 && ' / '}
                        <kbd>{formatKeyBinding(k, isMac)}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
              <tr>
                <td>{t('desktop.about.extraKeys.leavePresent')}</td>
                <td>
                  <kbd>Esc</kbd>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <div className="help-dialog__actions">
          <button ref={closeRef} type="button" className="btn btn--primary" onClick={close}>
            {t('desktop.about.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
