import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { findCommand, formatKeyBinding, isDirty, useHistory, type CommandId, type View } from '../state';
import { LANGUAGES, type Language } from '../i18n';
import { useApp, useServices } from './AppContext';
import { ExportButton } from './ExportDialog';
import { PresenterMenu } from './presenter/PresenterMenu';
import { TimerControl } from './timer/TimerControl';
import { useDismiss } from './useDismiss';

const VIEWS: readonly View[] = ['setup', 'draw', 'reveal', 'compare', 'discuss'];

/**
 * How much the top bar gives up to fit its window, step by step: 0 shows everything; then New and Save as,
 * then Open, then the language move into the "More" menu; then the step numbers go; last, the steps take a
 * row of their own. The app name, the project name and the unsaved mark are never given up (issue 10).
 */
const MAX_DENSITY = 5;
const MENU_FROM: Partial<Record<CommandId, number>> = { 'file.new': 1, 'file.saveAs': 1, 'file.open': 2 };
const LANGUAGE_IN_MENU_FROM = 3;
/** The project name keeps at least this much room (px) before the bar gives up something else. */
const DOC_MIN_WIDTH = 140;

/** Whether the bar, laid out as it is now, squeezes the project name or spills out of the window. */
function isCrowded(header: HTMLElement): boolean {
  if (header.scrollWidth > header.clientWidth + 1) return true;
  const name = header.querySelector<HTMLElement>('.topbar__name');
  if (!name) return false;
  return name.clientWidth + 1 < Math.min(name.scrollWidth, DOC_MIN_WIDTH);
}

/**
 * The density that fits: measured before paint, from 0 up, again whenever the bar's width, the
 * language or the texts in it change.
 */
function useDensity(header: RefObject<HTMLElement | null>, texts: readonly unknown[]): number {
  const [width, setWidth] = useState(0);
  // Start over from "everything shown" when something the widths depend on changed.
  const key = [width, ...texts].join('\u0000');
  const [found, setFound] = useState({ key, density: 0 });
  const density = found.key === key ? found.density : 0;
  useLayoutEffect(() => {
    const el = header.current;
    if (el && density < MAX_DENSITY && isCrowded(el)) setFound({ key, density: density + 1 });
    else if (found.key !== key) setFound({ key, density });
  });
  useEffect(() => {
    const el = header.current;
    if (!el) return;
    // Only the width matters: the bar growing a row at the last density must not start the search again.
    const observer = new ResizeObserver(([entry]) => {
      setWidth(Math.round(entry!.contentRect.width));
      // Notices float just under the bar, however many rows it has.
      document.documentElement.style.setProperty('--topbar-bottom', `${Math.round(el.getBoundingClientRect().bottom)}px`);
    });
    observer.observe(el);
    // Inter arriving after the first layout changes every text's width.
    void document.fonts?.ready.then(() => setWidth((w) => w + 0.5));
    return () => observer.disconnect();
  }, [header]);
  return density;
}

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

/** The commands and settings the bar has no room for, behind one button. */
function MoreMenu({ commands, withLanguage }: { commands: readonly CommandId[]; withLanguage: boolean }) {
  const { t } = useTranslation();
  const { files } = useServices();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, wrapper, button);
  return (
    <div className="more-menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={panelId}
        title={t('app.more')}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">⋯</span>
        <span className="sr-only">{t('app.more')}</span>
      </button>
      {open && (
        <div id={panelId} className="more-menu__panel" role="group" aria-label={t('app.more')}>
          {commands.map((id) => (
            <button
              key={id}
              type="button"
              className="btn"
              onClick={() => {
                setOpen(false);
                void findCommand(id).run(files);
              }}
            >
              {t(findCommand(id).labelKey)}
            </button>
          ))}
          {withLanguage && <LanguagePicker />}
        </div>
      )}
    </div>
  );
}

function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const setLanguage = useApp((s) => s.setLanguage);
  return (
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
  );
}

export function TopBar() {
  const { t, i18n } = useTranslation();
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const projectName = useApp((s) => s.session.project.name);
  const fileName = useApp((s) => s.fileName);
  const dirty = useApp(isDirty);
  const header = useRef<HTMLElement>(null);
  const docName = projectName || fileName || t('app.untitled');
  const density = useDensity(header, [i18n.language, docName, dirty]);
  const inBar = (id: CommandId) => (MENU_FROM[id] ?? Infinity) > density;
  const inMenu = (['file.new', 'file.open', 'file.saveAs'] as const).filter((id) => !inBar(id));
  const languageInMenu = density >= LANGUAGE_IN_MENU_FROM;

  return (
    <header className="topbar" ref={header} data-density={density}>
      <div className="topbar__brand">
        <svg className="logo" width="26" height="18" viewBox="0 0 26 18" aria-hidden="true">
          <path d="M1 13 C 5 2, 9 2, 13 9 S 21 16, 25 4" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <span className="topbar__title">Wavelength</span>
        <span className="topbar__doc" data-testid="document-name">
          {/* Cut with an ellipsis when it must be, the full name on hover; the unsaved mark stays outside the cut. */}
          <span className="topbar__name" title={docName}>
            {docName}
          </span>
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
        {inBar('file.new') && <CommandButton id="file.new" />}
        {inBar('file.open') && <CommandButton id="file.open" />}
        <CommandButton id="file.save" primary />
        {inBar('file.saveAs') && <CommandButton id="file.saveAs" />}
        <ExportButton />
        <span className="toolbar-sep" />
        <TimerControl />
        <PresenterMenu />
        {!languageInMenu && <LanguagePicker />}
        {(inMenu.length > 0 || languageInMenu) && <MoreMenu commands={inMenu} withLanguage={languageInMenu} />}
      </div>
    </header>
  );
}
