import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phaseCentres, resampleCurve } from '../domain';
import { formatLevel } from '../scene/numbers';
import type { VisibleCurve } from '../state';
import { useApp } from './AppContext';

/**
 * The shown curves as numbers (0–10 at the middle of each phase): the
 * chart's text alternative for screen readers, and a quick read-out in the room.
 * The table is there while it is open: closed, nobody (and no screen reader)
 * reads it, and a reveal step need not build 50 rows of it.
 */
export function CurveValuesTable({ curves }: { curves: readonly VisibleCurve[] }) {
  const { t, i18n } = useTranslation();
  const phases = useApp((s) => s.session.timeline.phases);
  const [open, setOpen] = useState(false);
  if (curves.length === 0) return null;
  const anchors = phaseCentres(phases);
  return (
    <details className="values" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('values.summary')}</summary>
      {open && (
        <table className="values__table" data-testid="curve-values">
          <caption className="sr-only">{t('values.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('values.participant')}</th>
              {phases.map((p) => (
                <th scope="col" key={p.id}>
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {curves.map((c) => (
              <tr key={c.participant.id}>
                <th scope="row">
                  {c.participant.name} <span className="muted">({c.team.name})</span>
                </th>
                {resampleCurve(c.curve.points, anchors).map((v, i) => (
                  <td key={i}>{v === null ? '–' : formatLevel(v, i18n.language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
