import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCurve, phaseCentres, valueAt } from '../domain';
import { useApp } from './AppContext';

/** Steps of the keyboard entry: 0 = the scale's low anchor, 10 = its high anchor. */
const STEPS = 10;

/**
 * A curve without a pointer: one value per phase, 0–10, empty for phases the
 * person did not take part in. Pre-filled from the curve already drawn.
 */
export function ValueEntry({ participantId, onClose }: { participantId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const setCurveFromValues = useApp((s) => s.setCurveFromValues);
  const anchors = phaseCentres(session.timeline.phases);
  const existing = findCurve(session, participantId, roundId)?.points ?? [];
  const [values, setValues] = useState<string[]>(() =>
    anchors.map((x) => {
      const v = existing.length ? valueAt(existing, x) : null;
      return v === null ? '' : String(Math.round(v * STEPS));
    }),
  );
  const parsed = values.map((v) => (v.trim() === '' ? null : Math.min(STEPS, Math.max(0, Number(v))) / STEPS));
  const enough = parsed.filter((v) => v !== null && Number.isFinite(v)).length >= 2;

  return (
    <form
      className="value-entry card"
      aria-labelledby="value-entry-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!enough) return;
        setCurveFromValues(participantId, anchors, parsed);
        onClose();
      }}
    >
      <h3 id="value-entry-title">{t('valueEntry.title')}</h3>
      <p className="hint">
        {t('valueEntry.hint', { low: session.scale.low, high: session.scale.high, max: STEPS })}
      </p>
      <div className="value-entry__grid">
        {session.timeline.phases.map((phase, i) => (
          <label key={phase.id} className="field">
            <span>{phase.name}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={STEPS}
              step={1}
              value={values[i]}
              onChange={(e) => setValues((vs) => vs.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
      </div>
      <div className="draw__actions">
        <button type="submit" className="btn btn--primary" disabled={!enough}>
          {t('valueEntry.apply')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('valueEntry.cancel')}
        </button>
        {!enough && <span className="hint">{t('valueEntry.needTwo')}</span>}
      </div>
    </form>
  );
}
