import { useTranslation } from 'react-i18next';
import type { Id, LineStyle } from '../domain';
import type { SceneLegend } from '../scene/compareScene';
import { markerIsStroked, markerPath, participantStyles, type MarkerShape } from '../scene/markers';
import { phaseSpan } from '../scene/sceneText';
import { useApp } from './AppContext';

const DASHES: Record<LineStyle, string | undefined> = { solid: undefined, dashed: '7 4', dotted: '0.1 5', dashdot: '8 4 0.1 4' };

/**
 * A short line in the style it stands for, so the legend explains the
 * dashes: a person's line with their marker, or a team line (thick, on a
 * white halo, as the chart draws it).
 */
export function LineSample({ color, lineStyle, marker = 'none', team = false }: { color: string; lineStyle: LineStyle; marker?: MarkerShape; team?: boolean }) {
  const width = team ? 5 : 3;
  return (
    <svg className="line-sample" width="38" height="14" viewBox="0 0 38 14" aria-hidden="true">
      {team && <line x1="4" y1="7" x2="34" y2="7" stroke="#ffffff" strokeWidth={width + 3} strokeLinecap="round" />}
      <line x1="4" y1="7" x2="34" y2="7" stroke={color} strokeWidth={width} strokeLinecap="round" strokeDasharray={DASHES[lineStyle]} />
      {marker !== 'none' && (
        <path
          d={markerPath(marker, 9)}
          transform="translate(19 7)"
          fill={markerIsStroked(marker) ? 'none' : color}
          stroke={markerIsStroked(marker) ? color : '#ffffff'}
          strokeWidth={markerIsStroked(marker) ? 2 : 1}
        />
      )}
    </svg>
  );
}

/** Teams and participants; ticking one off hides it on the chart. */
export function Legend({ revealed }: { revealed: ReadonlySet<Id> }) {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const hiddenTeams = useApp((s) => s.hiddenTeamIds);
  const hiddenPeople = useApp((s) => s.hiddenParticipantIds);
  const toggleTeam = useApp((s) => s.toggleTeamHidden);
  const togglePerson = useApp((s) => s.toggleParticipantHidden);
  const styles = participantStyles(session);
  const teams = session.teams.filter((tm) => session.participants.some((p) => p.teamId === tm.id && revealed.has(p.id)));
  if (teams.length === 0) return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      {teams.map((team) => (
        <fieldset key={team.id} className="legend__team">
          <legend>
            <label className="check">
              <input type="checkbox" checked={!hiddenTeams.includes(team.id)} onChange={() => toggleTeam(team.id)} />
              <LineSample color="#3d4a5c" lineStyle={team.lineStyle} />
              <strong>{team.name}</strong>
            </label>
          </legend>
          {session.participants
            .filter((p) => p.teamId === team.id && revealed.has(p.id))
            .map((p) => (
              <label key={p.id} className="check legend__person">
                <input
                  type="checkbox"
                  checked={!hiddenPeople.includes(p.id) && !hiddenTeams.includes(team.id)}
                  disabled={hiddenTeams.includes(team.id)}
                  onChange={() => togglePerson(p.id)}
                />
                <LineSample color={p.color} lineStyle={team.lineStyle} marker={styles.get(p.id)?.marker} />
                <span>{p.name}</span>
              </label>
            ))}
        </fieldset>
      ))}
    </section>
  );
}

/**
 * The compare and discuss chart's legend, from the compare scene: the team
 * lines (with how many curves each rests on), the people by team with their
 * colour, line style and marker, the target, the gap strip and the spans.
 * Names wrap; none is ever cut.
 */
export function SceneLegendView({ legend }: { legend: SceneLegend }) {
  const { t } = useTranslation();
  const empty = legend.means.length === 0 && legend.teams.length === 0 && legend.perception.length === 0;
  if (empty) return null;
  return (
    <section className="card scene-legend" aria-labelledby="scene-legend-title" data-testid="scene-legend">
      <h2 id="scene-legend-title">{t('legend.title')}</h2>
      {legend.means.length > 0 && (
        <ul className="scene-legend__row" aria-label={t('presenter.room.means')}>
          {legend.means.map((m) => (
            <li key={m.teamId} className={m.highlighted ? 'is-highlighted' : undefined} data-testid="legend-mean">
              <LineSample color={m.color} lineStyle={m.lineStyle} team />
              <span>{t('compare.facts.meanTeam', { team: m.name })} <span className="muted">({t('compare.facts.curves', { count: m.n })})</span></span>
            </li>
          ))}
        </ul>
      )}
      {legend.perception.length > 0 && (
        <ul className="scene-legend__row" aria-label={t('compare.perception.title')}>
          {legend.perception.map((p) => (
            <li key={`${p.guessing}-${p.guessed}`} data-testid="legend-perception">
              <LineSample color={p.color} lineStyle="dashed" team />
              <span>{t('compare.perception.legendGuess', { guessing: p.guessing, guessed: p.guessed })}</span>
              <LineSample color={p.color} lineStyle="solid" team />
              <span>{t('compare.perception.legendReal', { guessed: p.guessed })}</span>
            </li>
          ))}
        </ul>
      )}
      {legend.teams.map((team) => (
        <div key={team.teamId} className="scene-legend__team">
          <span className="scene-legend__team-name">{team.name}</span>
          <ul className="scene-legend__people">
            {team.people.map((p) => (
              <li key={p.id} className={p.highlighted ? 'is-highlighted' : undefined} data-testid="legend-person">
                <LineSample color={p.color} lineStyle={p.lineStyle} marker={p.marker} />
                <span>{p.name}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {(legend.target || legend.gap || legend.spans.length > 0) && (
        <ul className="scene-legend__row scene-legend__keys">
          {legend.target && (
            <li>
              <LineSample color={legend.target.color} lineStyle="dashed" />
              <span>{t('compare.target.label')}</span>
            </li>
          )}
          {legend.gap && (
            <li data-testid="legend-gap">
              <span className="chip" style={{ background: legend.gap.colorA }} aria-hidden="true" />
              <span>{t('presenter.room.gapHigher', { team: legend.gap.a })}</span>
              <span className="chip" style={{ background: legend.gap.colorB }} aria-hidden="true" />
              <span>{t('presenter.room.gapHigher', { team: legend.gap.b })}</span>
            </li>
          )}
          {legend.spans.map((s) => (
            <li key={s.number}>
              <span className="span-number" style={{ background: s.color }} aria-hidden="true">
                {s.number}
              </span>
              <span>{phaseSpan(t, s.firstPhase, s.lastPhase)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
