import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { discardAutosave, recoverAutosave } from '../state';
import { useApp, useServices } from './AppContext';
import { formatDateTime } from './format';

/**
 * The offer to recover what an earlier run left unsaved: on the start screen,
 * or — when the start screen is gone (a file was opened on start-up, a new
 * retro was started) — as a bar under the top bar, until the user decides or
 * the current session's autosave replaces it.
 */
export function RecoveryOffer({ variant }: { variant: 'start' | 'bar' }) {
  const { t, i18n } = useTranslation();
  const { files } = useServices();
  const offer = useApp((s) => s.recovery);
  const titleId = useId();
  if (!offer) return null;
  const time = formatDateTime(offer.savedAt, i18n.language);
  const name = offer.projectName.trim();
  return (
    <section className={`recovery recovery--${variant}`} aria-labelledby={titleId} data-testid="recovery">
      <h2 id={titleId}>{name ? t('files.recovery.title', { name }) : t('files.recovery.titleUntitled')}</h2>
      <p>
        {t('files.recovery.lead', { time })}
        {offer.fileName && ` ${t('files.recovery.fromFile', { file: offer.fileName })}`}
      </p>
      <div className="recovery__actions">
        <button type="button" className="btn btn--primary" onClick={() => void recoverAutosave(files)} autoFocus={variant === 'start'}>
          {t('files.recovery.recover', { time })}
        </button>
        <button type="button" className="btn" onClick={() => void discardAutosave(files)} aria-label={t('files.recovery.discardLabel', { time })}>
          {t('files.recovery.discard')}
        </button>
      </div>
    </section>
  );
}
