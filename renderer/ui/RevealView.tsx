import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { markerPoints, participantStyles } from '../scene/markers';
import { findCommand, revealedIds, revealGroups, type RevealMode } from '../state';
import { RoundPicker } from './RoundPicker';
import { useApp, useServices } from './AppContext';
import { ChartPanel } from './ChartPanel';
import { CurveValuesTable } from './CurveValuesTable';
import { Legend } from './Legend';
import { useVisibleCurves } from './useVisibleCurves';

const MODES: readonly RevealMode[] = ['all', 'team', 'oneByOne'];

export function RevealView() {
  const { t } = useTranslation();
  const { files } = useServices();
  const state = useApp((s) => s);
  const { session, roundId, revealMode, revealStep } = state;
  const groups = revealGroups(session, roundId, revealMode);
  const curves = useVisibleCurves();
  const revealed = revealedIds(state);
  // The second, third … person with one colour carries a marker, on the chart as in the legend.
  const markers = useMemo(() => {
    const styles = participantStyles(session);
    return curves.map((c) => {
      const style = styles.get(c.participant.id)!;
      return { key: c.participant.id, color: style.color, marker: style.marker, markerPoints: markerPoints(c.curve.points, style.marker, style.place), faded: c.faded };
    });
  }, [curves, session]);
  const next = findCommand('reveal.next');
  const previous = findCommand('reveal.previous');
  const nextGroup = groups[revealStep];
  const nextLabel =
    revealMode === 'all'
      ? t('reveal.revealAll')
      : revealMode === 'team'
        ? t('reveal.revealTeam', {
            team: session.teams.find((tm) => tm.id === session.participants.find((p) => p.id === nextGroup?.[0])?.teamId)?.name ?? '',
          })
        : t('reveal.revealPerson', { name: session.participants.find((p) => p.id === nextGroup?.[0])?.name ?? '' });

  return (
    <div className="reveal">
      <aside className="sidebar" aria-label={t('reveal.controls')}>
        <RoundPicker />
        <fieldset className="modes">
          <legend>{t('reveal.mode')}</legend>
          {MODES.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="reveal-mode" checked={revealMode === m} onChange={() => state.setRevealMode(m)} />
              <span>{t(`reveal.modes.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="reveal__steps">
          <button type="button" className="btn btn--primary btn--large" onClick={() => void next.run(files)} disabled={!next.enabled(files)} title="→ / Space">
            {revealStep < groups.length ? nextLabel : t('reveal.allShown')}
          </button>
          <button type="button" className="btn" onClick={() => void previous.run(files)} disabled={!previous.enabled(files)} title="←">
            {t('reveal.previous')}
          </button>
          <p className="count" role="status" data-testid="reveal-status">
            {groups.length === 0
              ? t('reveal.nothingDrawn')
              : t('reveal.status', { shown: revealed.size, total: groups.flat().length })}
          </p>
        </div>
        <Legend revealed={revealed} />
      </aside>
      <main className="reveal__main">
        <div className="reveal__canvas">
          <ChartPanel
            curves={curves}
            label={t('reveal.canvasLabel', { count: curves.length })}
            markers={markers}
          />
          {revealStep === 0 && groups.length > 0 && (
            <div className="overlay-hint" aria-hidden="true">
              {t('reveal.ready')}
            </div>
          )}
        </div>
        <CurveValuesTable curves={curves} />
      </main>
    </div>
  );
}
