import { useTranslation } from 'react-i18next';
import { findCommand, openBundledSession, openRecentFile } from '../state';
import { useApp, useServices } from './AppContext';
import { RecoveryOffer } from './RecoveryOffer';
import { SAMPLES } from './samples';

/** What a facilitator sees first: start a retro, open one, or look at a sample. */
export function StartScreen() {
  const { t } = useTranslation();
  const { files, platform } = useServices();
  const setShowStart = useApp((s) => s.setShowStart);
  const recentFiles = useApp((s) => s.recentFiles);
  // With an unsaved retro on offer, its Recover button takes the focus instead.
  const hasRecovery = useApp((s) => s.recovery !== null);
  return (
    <div className="start" role="dialog" aria-modal="true" aria-labelledby="start-title">
      <div className="start__box">
        <h1 id="start-title">{t('start.title')}</h1>
        <p className="start__lead">{t('start.lead')}</p>
        <RecoveryOffer variant="start" />
        <div className="start__actions">
          <button
            type="button"
            className={`btn btn--large${hasRecovery ? '' : ' btn--primary'}`}
            onClick={() => setShowStart(false)}
            autoFocus={!hasRecovery}
          >
            {t('start.new')}
          </button>
          <button type="button" className="btn btn--large" onClick={() => void findCommand('file.open').run(files)}>
            {t('start.open')}
          </button>
        </div>
        {platform.recent && recentFiles.length > 0 && (
          <section className="start__recent" aria-labelledby="start-recent-title">
            <h2 id="start-recent-title">{t('desktop.recent.title')}</h2>
            <ul data-testid="recent-files">
              {recentFiles.map((file) => (
                <li key={file.recentId}>
                  <button
                    type="button"
                    className="recent-file"
                    title={file.folder}
                    aria-label={t('desktop.recent.open', { file: file.fileName, folder: file.folder })}
                    onClick={() => void openRecentFile(files, file.recentId)}
                  >
                    <strong>{file.fileName}</strong>
                    <span>{file.folder}</span>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="link-btn" onClick={() => void platform.recent?.clear()}>
              {t('desktop.recent.clear')}
            </button>
          </section>
        )}
        <h2>{t('start.samplesTitle')}</h2>
        <ul className="start__samples">
          {SAMPLES.map((sample) => (
            <li key={sample.key}>
              <button
                type="button"
                className="sample"
                onClick={async () => {
                  if (await openBundledSession(files, sample.fileName, sample.text)) files.store.getState().setView('compare');
                }}
              >
                <strong>{t(`start.samples.${sample.key}.title`)}</strong>
                <span>{t(`start.samples.${sample.key}.text`)}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="start__about">
          <button type="button" className="link-btn" onClick={() => void findCommand('help.about').run(files)}>
            {t('desktop.about.open')}
          </button>
        </p>
      </div>
    </div>
  );
}
