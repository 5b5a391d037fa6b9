import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findCurve, phaseCentres, valueAt } from '../domain';
import { formatInputNumber } from '../scene/numbers';
import { useApp } from './AppContext';
import { DecimalInput, readDecimal } from './DecimalInput';

/** Steps of the keyboard entry: 0 = the scale's low anchor, 10 = its high anchor. */
const STEPS = 10;

/**
 * A curve without a pointer: one value per phase, 0–10, empty for phases the
 * person did not take part in. Pre-filled from the curve already drawn.
 */
export function ValueEntry({ participantId, onClose }: { participantId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const setCurveFromValues = useApp((s) => s.setCurveFromValues);
  const anchors = phaseCentres(session.timeline.phases);
  const existing = findCurve(session, participantId, roundId)?.points ?? [];
  const [values, setValues] = useState<string[]>(() =>
    anchors.map((x) => {
      const v = existing.length ? valueAt(existing, x) : null;
      return v === null ? '' : formatInputNumber(v * STEPS, i18n.language);
    }),
  );
  const limits = { min: 0, max: STEPS, allowEmpty: true };
  const read = values.map((v) => readDecimal(v, limits));
  const parsed = read.map((r) => (r.value === null ? null : r.value / STEPS));
  const valid = read.every((r) => r.problem === null);
  const enough = parsed.filter((v) => v !== null).length >= 2;

  return (
    <form
      className="value-entry card"
      aria-labelledby="value-entry-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!enough || !valid) return;
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
          <div key={phase.id} className="field">
            <label htmlFor={`value-entry-${phase.id}`}>{phase.name}</label>
            <DecimalInput
              id={`value-entry-${phase.id}`}
              {...limits}
              step={1}
              text={values[i]!}
              onTextChange={(text) => setValues((vs) => vs.map((v, j) => (j === i ? text : v)))}
            />
          </div>
        ))}
      </div>
      <div className="draw__actions">
        <button type="submit" className="btn btn--primary" disabled={!enough || !valid}>
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
