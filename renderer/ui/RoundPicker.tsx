import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUND_KINDS, ROUND_QUESTIONS, type RoundKind } from '../domain';
import { useApp, useServices } from './AppContext';
import { removeWithUndo } from './removals';

/** Which round is on screen, and a short form to add one from the method's list or with an own question. */
export function RoundPicker() {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const selectRound = useApp((s) => s.selectRound);
  const addRound = useApp((s) => s.addRound);
  const { store } = useServices();
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<RoundKind>('otherTeam');
  const [question, setQuestion] = useState('');
  const round = session.rounds.find((r) => r.id === roundId)!;
  const presetQuestion = kind === 'custom' ? '' : ROUND_QUESTIONS[i18n.language === 'de' ? 'de' : 'en'][kind];

  return (
    <div className="round-picker">
      {session.rounds.length > 1 ? (
        <label className="field">
          <span>{t('compare.rounds.label')}</span>
          <select value={roundId} onChange={(e) => selectRound(e.target.value)}>
            {session.rounds.map((r, i) => (
              <option key={r.id} value={r.id}>
                {i + 1}. {r.question}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="round-question">{round.question}</p>
      <div className="row-buttons">
        <button type="button" className="btn btn--small" onClick={() => setAdding((v) => !v)} aria-expanded={adding}>
          + {t('compare.rounds.add')}
        </button>
        {session.rounds.length > 1 && (
          <button
            type="button"
            className="btn btn--small"
            // No question first: the notice offers Undo, which brings the round back with its curves and notes.
            onClick={(e) => removeWithUndo(store, 'round', round.id, e.currentTarget.parentElement?.querySelector('button'))}
          >
            {t('compare.rounds.remove')}
          </button>
        )}
      </div>
      {adding && (
        <form
          className="card round-form"
          aria-label={t('compare.rounds.addTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            const text = kind === 'custom' ? question.trim() : presetQuestion;
            if (!text) return;
            addRound(kind, text);
            setAdding(false);
            setQuestion('');
          }}
        >
          {/* Radios, not a select: the questions are sentences, and a select would cut them in a narrow sidebar. */}
          <fieldset className="modes">
            <legend>{t('compare.rounds.kind')}</legend>
            {ROUND_KINDS.map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="round-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`compare.rounds.kinds.${k}`)}</span>
              </label>
            ))}
          </fieldset>
          {kind === 'custom' ? (
            <label className="field">
              <span>{t('compare.rounds.question')}</span>
              <input value={question} onChange={(e) => setQuestion(e.target.value)} autoFocus />
            </label>
          ) : (
            <p className="hint">{presetQuestion}</p>
          )}
          <div className="row-buttons">
            <button type="submit" className="btn btn--primary btn--small" disabled={kind === 'custom' && !question.trim()}>
              {t('compare.rounds.create')}
            </button>
            <button type="button" className="btn btn--small" onClick={() => setAdding(false)}>
              {t('compare.rounds.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
