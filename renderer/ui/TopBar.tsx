import { useTranslation } from 'react-i18next';
import { findCommand, formatKeyBinding, isDirty, useHistory, type CommandId, type View } from '../state';
import { LANGUAGES, type Language } from '../i18n';
import { useApp, useServices } from './AppContext';
import { ExportButton } from './ExportDialog';
import { PresenterMenu } from './presenter/PresenterMenu';
import { TimerControl } from './timer/TimerControl';

const VIEWS: readonly View[] = ['setup', 'draw', 'reveal', 'compare', 'discuss'];

function CommandButton({ id, icon, primary, iconOnly }: { id: CommandId; icon?: string; primary?: boolean; iconOnly?: boolean }) {
  const { files, isMac } = useServices();
  const { t } = useTranslation();
  const command = findCommand(id);
  // `enabled` reads the store and the undo history: re-render when its answer changes, not on every change.
  const enabledByState = useApp(() => command.enabled(files));
  const enabledByHistory = useHistory(files.store, () => command.enabled(files));
  const enabled = enabledByState && enabledByHistory;
  const key = command.keys[0];
  const shortcut = key ? formatKeyBinding(key, isMac) : '';
  const label = t(command.labelKey);
  return (
    <button
      type="button"
      className={primary ? 'btn btn--primary' : 'btn'}
      onClick={() => void command.run(files)}
      disabled={!enabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={key ? formatKeyBinding(key, false).replace('Ctrl', isMac ? 'Meta' : 'Control') : undefined}
    >
      {icon && <span aria-hidden="true">{icon}{iconOnly ? '' : ' '}</span>}
      {iconOnly ? <span className="sr-only">{label}</span> : label}
    </button>
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const setLanguage = useApp((s) => s.setLanguage);
  const projectName = useApp((s) => s.session.project.name);
  const fileName = useApp((s) => s.fileName);
  const dirty = useApp(isDirty);

  return (
    <header className="topbar">
      <div className="topbar__brand">
        <svg className="logo" width="26" height="18" viewBox="0 0 26 18" aria-hidden="true">
          <path d="M1 13 C 5 2, 9 2, 13 9 S 21 16, 25 4" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <span className="topbar__title">Wavelength</span>
        <span className="topbar__doc" data-testid="document-name">
          {projectName || fileName || t('app.untitled')}
          {dirty && (
            <span className="topbar__dirty" title={t('app.unsaved')}>
              {' '}
              • <span className="sr-only">{t('app.unsaved')}</span>
            </span>
          )}
        </span>
      </div>
      <nav className="steps" aria-label={t('views.label')}>
        {VIEWS.map((v, i) => (
          <button
            key={v}
            type="button"
            className={`step${view === v ? ' step--active' : ''}`}
            aria-current={view === v ? 'step' : undefined}
            onClick={() => setView(v)}
            title={`${t(`views.${v}`)} (Alt+${i + 1})`}
          >
            <span className="step__number">{i + 1}</span> {t(`views.${v}`)}
          </button>
        ))}
      </nav>
      <div className="topbar__actions" role="toolbar" aria-label={t('app.toolbar')}>
        <CommandButton id="edit.undo" icon="↶" iconOnly />
        <CommandButton id="edit.redo" icon="↷" iconOnly />
        <span className="toolbar-sep" />
        <CommandButton id="file.new" />
        <CommandButton id="file.open" />
        <CommandButton id="file.save" primary />
        <CommandButton id="file.saveAs" />
        <ExportButton />
        <span className="toolbar-sep" />
        <TimerControl />
        <PresenterMenu />
        <label className="lang">
          <span className="sr-only">{t('app.language')}</span>
          <select
            value={i18n.language}
            onChange={(e) => {
              const language = e.target.value as Language;
              void i18n.changeLanguage(language);
              setLanguage(language);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
