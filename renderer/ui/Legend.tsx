import { useTranslation } from 'react-i18next';
import type { Id, LineStyle } from '../domain';
import { useApp } from './AppContext';

/** A short line in the team's style, so the legend explains the dashes. */
function LineSample({ color, lineStyle }: { color: string; lineStyle: LineStyle }) {
  const dash = { solid: undefined, dashed: '7 4', dotted: '0.1 5', dashdot: '8 4 0.1 4' }[lineStyle];
  return (
    <svg className="line-sample" width="34" height="10" aria-hidden="true">
      <line x1="3" y1="5" x2="31" y2="5" stroke={color} strokeWidth="3" strokeLinecap="round" strokeDasharray={dash} />
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
                <LineSample color={p.color} lineStyle={team.lineStyle} />
                <span>{p.name}</span>
              </label>
            ))}
        </fieldset>
      ))}
    </section>
  );
}
