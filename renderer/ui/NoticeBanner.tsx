import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { findCommand } from '../state';
import { useApp, useServices } from './AppContext';
import { describeNotice } from './notices';

/** File messages: errors (and what opening a file mended) stay until dismissed, confirmations fade after a few seconds. */
export function NoticeBanner() {
  const { t } = useTranslation();
  const { files } = useServices();
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  const described = notice && describeNotice(t, notice);
  const fades = described !== null && !described.isError && !described.stays;
  // Keyed on the notice itself, so a re-render of the app doesn't restart the four seconds.
  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(() => setNotice(null), described.lingers ? 10_000 : 4000);
    return () => clearTimeout(timer);
  }, [notice, fades, setNotice]);
  if (!described) return <div className="notice-slot" role="status" aria-live="polite" />;
  return (
    <div className={`notice${described.isError ? ' notice--error' : ''}`} role={described.isError ? 'alert' : 'status'} data-testid="notice">
      <span>{described.text}</span>
      {/* The way out the sentence names (Save as… for a file that can't be written), from the command table. */}
      {described.action && (
        <button
          type="button"
          className="btn"
          onClick={() => {
            // Undo answers the notice: once done, the notice has nothing left to offer.
            if (described.action === 'edit.undo') setNotice(null);
            void findCommand(described.action!).run(files);
          }}
        >
          {t(findCommand(described.action).labelKey)}
        </button>
      )}
      <button type="button" className="icon-btn" onClick={() => setNotice(null)} aria-label={t('notices.dismiss')}>
        ✕
      </button>
    </div>
  );
}
