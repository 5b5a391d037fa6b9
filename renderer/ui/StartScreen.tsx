import { useTranslation } from 'react-i18next';
import { findCommand, openBundledSession } from '../state';
import { useApp, useServices } from './AppContext';
import { SAMPLES } from './samples';

/** What a facilitator sees first: start a retro, open one, or look at a sample. */
export function StartScreen() {
  const { t } = useTranslation();
  const { files } = useServices();
  const setShowStart = useApp((s) => s.setShowStart);
  return (
    <div className="start" role="dialog" aria-modal="true" aria-labelledby="start-title">
      <div className="start__box">
        <h1 id="start-title">{t('start.title')}</h1>
        <p className="start__lead">{t('start.lead')}</p>
        <div className="start__actions">
          <button type="button" className="btn btn--primary btn--large" onClick={() => setShowStart(false)} autoFocus>
            {t('start.new')}
          </button>
          <button type="button" className="btn btn--large" onClick={() => void findCommand('file.open').run(files)}>
            {t('start.open')}
          </button>
        </div>
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
      </div>
    </div>
  );
}
