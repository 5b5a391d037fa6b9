import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phaseAt, type Figure, type HandoverDrop, type Id, type PeakEnd } from '../domain';
import { useApp } from './AppContext';
import { CompareChart } from './CompareChart';
import { formatFigure, formatLevel, formatPercent } from './format';
import { RoundPicker } from './RoundPicker';
import { useRoundAnalysis, usePerceptionGaps } from './useRoundAnalysis';
import { useVisibleCurves } from './useVisibleCurves';

type SortKey = 'name' | 'team' | 'drop' | 'peak' | 'end' | 'distance' | 'correlation';

export function CompareView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useApp((s) => s.session);
  const round = useApp((s) => s.session.rounds.find((r) => r.id === s.roundId)!);
  const highlightId = useApp((s) => s.highlightId);
  const setHighlight = useApp((s) => s.setHighlight);
  const display = useApp((s) => s.compareDisplay);
  const setDisplay = useApp((s) => s.setCompareDisplay);
  const updateTarget = useApp((s) => s.updateTarget);
  const updateAnalysisSettings = useApp((s) => s.updateAnalysisSettings);
  const analysis = useRoundAnalysis();
  const perception = usePerceptionGaps();
  const curves = useVisibleCurves();
  const level = (v: number) => formatLevel(v, lang);
  const teamName = (id: Id) => session.teams.find((tm) => tm.id === id)?.name ?? '';
  const gap = analysis.gap;
  const toggleHighlight = (id: Id) => setHighlight(highlightId === id ? null : id);

  return (
    <div className="compare">
      <aside className="sidebar sidebar--wide" aria-label={t('compare.title')}>
        <RoundPicker />
        <section aria-labelledby="cmp-agreement">
          <h2 id="cmp-agreement">{t('compare.agreement')}</h2>
          <p className="figure" data-testid="agreement">
            {formatFigure(t, analysis.agreement, (v) => formatPercent(v, lang))}
          </p>
          <p className="hint">{t('compare.agreementHint')}</p>
        </section>

        <section aria-labelledby="cmp-gap">
          <h2 id="cmp-gap">{t('compare.gap.title')}</h2>
          {gap ? (
            <p data-testid="gap-largest">
              {gap.largest.ok
                ? t('compare.gap.largest', {
                    value: level(Math.abs(gap.largest.value.value)),
                    phase: gap.largest.value.phaseName,
                    direction:
                      gap.largest.value.value > 0
                        ? t('compare.gap.salesHigher', { a: teamName(gap.teamA) })
                        : t('compare.gap.psHigher', { b: teamName(gap.teamB) }),
                  })
                : formatFigure(t, gap.largest as Figure<never>, String)}
            </p>
          ) : (
            <p className="hint">{t('compare.gap.missing')}</p>
          )}
        </section>

        <section aria-labelledby="cmp-handover" data-testid="handover-drops">
          <h2 id="cmp-handover">{t('compare.handover.title')}</h2>
          {analysis.handover ? (
            <ul className="figures">
              {session.teams.map((team) => {
                const f = analysis.handover!.byTeam[team.id];
                if (!f || (!f.ok && f.n === 0)) return null;
                return (
                  <li key={team.id}>
                    {f.ok ? (
                      <>
                        {t('compare.handover.team', { team: team.name, before: level(f.value.before), low: level(f.value.low), drop: level(Math.max(0, f.value.drop)) })}
                        {f.value.overstretched && <span className="badge badge--warn">{t('compare.handover.overstretched')}</span>}
                      </>
                    ) : (
                      `${team.name}: ${formatFigure(t, f as Figure<never>, String)}`
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="hint">{t('compare.handover.none')}</p>
          )}
        </section>

        <section aria-labelledby="cmp-peak">
          <h2 id="cmp-peak">{t('compare.peakEnd.title')}</h2>
          <ul className="figures" data-testid="peak-end">
            {session.teams.map((team) => {
              const f = analysis.peakEnd.byTeam[team.id];
              if (!f || !f.ok) return null;
              const p = f.value;
              return (
                <li key={team.id}>
                  {t('compare.peakEnd.team', { team: team.name, peak: level(p.peak), phase: phaseAt(session.timeline.phases, p.peakAt)?.phase.name ?? '', end: level(p.end) })}{' '}
                  <span className={`badge${p.verdict === 'peakAtEnd' ? ' badge--ok' : ' badge--warn'}`}>{t(`compare.peakEnd.verdicts.${p.verdict}`)}</span>
                </li>
              );
            })}
          </ul>
        </section>

        {round.kind === 'otherTeam' && (
          <section aria-labelledby="cmp-perception" data-testid="perception">
            <h2 id="cmp-perception">{t('compare.perception.title')}</h2>
            {perception.length === 0 || perception.every((p) => !p.meanAbs.ok) ? (
              <p className="hint">{t('compare.perception.none')}</p>
            ) : (
              <ul className="figures">
                {perception.map((p) => (
                  <li key={`${p.guessingTeam}-${p.guessedTeam}`}>
                    <strong>{t('compare.perception.pair', { guessing: teamName(p.guessingTeam), guessed: teamName(p.guessedTeam) })}</strong>
                    <br />
                    {t('compare.perception.meanAbs', { value: formatFigure(t, p.meanAbs, level) })}
                    {p.largest.ok && (
                      <>
                        <br />
                        {t('compare.perception.largest', {
                          value: level(Math.abs(p.largest.value.value)),
                          phase: p.largest.value.phaseName,
                          direction: p.largest.value.value > 0 ? t('compare.perception.higher') : t('compare.perception.lower'),
                        })}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        <fieldset className="modes">
          <legend>{t('compare.display.title')}</legend>
          {(['individuals', 'bands', 'spans', 'notes'] as const).map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={display[k]} onChange={(e) => setDisplay({ [k]: e.target.checked })} />
              <span>{t(`compare.display.${k}`)}</span>
            </label>
          ))}
        </fieldset>

        <fieldset className="modes">
          <legend>{t('compare.target.title')}</legend>
          <label className="check">
            <input type="checkbox" checked={session.target.visible} onChange={(e) => updateTarget({ visible: e.target.checked })} />
            <span>{t('compare.target.show')}</span>
          </label>
          <p className="hint">{t('compare.target.hint')}</p>
          {(['start', 'handover', 'end'] as const).map((k) => (
            <label key={k} className="slider">
              <span>
                {t(`compare.target.${k}`)} <output>{level(session.target[k])}</output>
              </span>
              <input
                type="range"
                min={0}
                max={10}
                step={0.5}
                value={session.target[k] * 10}
                onChange={(e) => updateTarget({ [k]: Number(e.target.value) / 10 })}
              />
            </label>
          ))}
          <ul className="figures">
            {session.teams.map((team) => {
              const f = analysis.target.distanceByTeam[team.id];
              return f?.ok ? <li key={team.id}>{t('compare.target.distance', { team: team.name, value: level(f.value) })}</li> : null;
            })}
          </ul>
        </fieldset>

        <fieldset className="modes">
          <legend>{t('compare.handover.settings')}</legend>
          <label className="slider">
            <span>
              {t('compare.handover.window')} <output>{formatPercent(session.analysis.handoverWindow, lang)}</output>
            </span>
            <input
              type="range"
              min={5}
              max={50}
              step={5}
              value={Math.round(session.analysis.handoverWindow * 100)}
              onChange={(e) => updateAnalysisSettings({ handoverWindow: Number(e.target.value) / 100 })}
            />
          </label>
          <label className="slider">
            <span>
              {t('compare.handover.threshold')} <output>{level(session.analysis.dropThreshold)}</output>
            </span>
            <input
              type="range"
              min={0.5}
              max={6}
              step={0.5}
              value={session.analysis.dropThreshold * 10}
              onChange={(e) => updateAnalysisSettings({ dropThreshold: Number(e.target.value) / 10 })}
            />
          </label>
        </fieldset>
      </aside>

      <main className="compare__main">
        <div className="compare__canvas">
          <CompareChart analysis={analysis} curves={curves} label={t('compare.chartLabel')} mode="compare" />
        </div>
        <p className="hint">{t('compare.scaleNote')}</p>
        <DisagreementList />
        <TeamTable onHighlight={toggleHighlight} />
        <ParticipantTable onHighlight={toggleHighlight} />
      </main>
    </div>
  );
}

function DisagreementList() {
  const { t, i18n } = useTranslation();
  const analysis = useRoundAnalysis();
  const fmt = (v: number) => formatLevel(v, i18n.language);
  const enough = analysis.curves.length >= 2;
  return (
    <section className="card" aria-labelledby="cmp-spans">
      <h2 id="cmp-spans">{t('compare.spans.title')}</h2>
      {!enough ? (
        <p className="hint">{t('compare.spans.notEnough')}</p>
      ) : analysis.disagreement.length === 0 ? (
        <p className="hint">{t('compare.spans.none')}</p>
      ) : (
        <ol className="spans" data-testid="disagreement">
          {analysis.disagreement.map((s) => (
            <li key={`${s.start}`}>
              <strong>{t('compare.spans.prompt', { phase: s.phaseName })}</strong>
              <br />
              <span className="muted">
                {t('compare.spans.item', {
                  phase: s.phaseNames.join(', '),
                  from: Math.round(s.start * 100),
                  to: Math.round(s.end * 100),
                  spread: fmt(s.spread),
                  n: s.n,
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TeamTable({ onHighlight }: { onHighlight: (id: Id) => void }) {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const highlightId = useApp((s) => s.highlightId);
  const analysis = useRoundAnalysis();
  const fmt = (v: number) => formatLevel(v, i18n.language);
  const teams = analysis.teams.filter((s) => s.n > 0);
  if (teams.length === 0) return null;
  return (
    <section className="card">
      <table className="data-table" data-testid="team-table">
        <caption>{t('compare.table.teamsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.table.team')}</th>
            <th scope="col">n</th>
            <th scope="col">{t('compare.table.drop')}</th>
            <th scope="col">{t('compare.table.peak')}</th>
            <th scope="col">{t('compare.table.end')}</th>
            <th scope="col">{t('compare.table.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((series) => {
            const team = session.teams.find((tm) => tm.id === series.teamId)!;
            const drop = analysis.handover?.byTeam[team.id];
            const pe = analysis.peakEnd.byTeam[team.id];
            return (
              <tr key={team.id} className={highlightId === team.id ? 'is-highlighted' : undefined}>
                <th scope="row">
                  <button type="button" className="link-btn" onClick={() => onHighlight(team.id)} aria-pressed={highlightId === team.id} aria-label={t('compare.table.highlight', { name: team.name })}>
                    {team.name}
                  </button>
                </th>
                <td>{series.n}</td>
                <td>{drop ? dropCell(t, drop, fmt) : '–'}</td>
                <td>{pe?.ok ? fmt(pe.value.peak) : '–'}</td>
                <td>{pe?.ok ? fmt(pe.value.end) : '–'}</td>
                <td>{pe?.ok ? t(`compare.peakEnd.verdicts.${pe.value.verdict}`) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function dropCell(t: ReturnType<typeof useTranslation>['t'], f: Figure<HandoverDrop>, fmt: (v: number) => string): string {
  if (!f.ok) return formatFigure(t, f as Figure<never>, String);
  return `${fmt(f.value.drop)}${f.value.overstretched ? ` · ${t('compare.handover.overstretched')}` : ''}`;
}

function ParticipantTable({ onHighlight }: { onHighlight: (id: Id) => void }) {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const highlightId = useApp((s) => s.highlightId);
  const analysis = useRoundAnalysis();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'drop', dir: -1 });
  const fmt = (v: number) => formatLevel(v, i18n.language);
  const corr = (v: number) => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);

  const rows = useMemo(() => {
    return analysis.curves.map((c) => {
      const person = session.participants.find((p) => p.id === c.participantId)!;
      const team = session.teams.find((tm) => tm.id === person.teamId)!;
      const drop = analysis.handover?.byParticipant[c.participantId];
      const pe: Figure<PeakEnd> | undefined = analysis.peakEnd.byParticipant[c.participantId];
      const fit = analysis.fits.find((f) => f.participantId === c.participantId)!;
      return { person, team, drop, pe, fit };
    });
  }, [analysis, session.participants, session.teams]);

  const sortValue = (r: (typeof rows)[number]): string | number => {
    switch (sort.key) {
      case 'name':
        return r.person.name.toLowerCase();
      case 'team':
        return r.team.name.toLowerCase();
      case 'drop':
        return r.drop?.ok ? r.drop.value.drop : Number.NEGATIVE_INFINITY;
      case 'peak':
        return r.pe?.ok ? r.pe.value.peak : Number.NEGATIVE_INFINITY;
      case 'end':
        return r.pe?.ok ? r.pe.value.end : Number.NEGATIVE_INFINITY;
      case 'distance':
        return r.fit.distance.ok ? r.fit.distance.value : Number.NEGATIVE_INFINITY;
      case 'correlation':
        return r.fit.correlation.ok ? r.fit.correlation.value : Number.NEGATIVE_INFINITY;
    }
  };
  const sorted = [...rows].sort((a, b) => {
    const va = sortValue(a);
    const vb = sortValue(b);
    return (va < vb ? -1 : va > vb ? 1 : 0) * sort.dir;
  });
  const columns: { key: SortKey; label: string }[] = [
    { key: 'name', label: t('compare.table.name') },
    { key: 'team', label: t('compare.table.team') },
    { key: 'drop', label: t('compare.table.drop') },
    { key: 'peak', label: t('compare.table.peak') },
    { key: 'end', label: t('compare.table.end') },
    { key: 'distance', label: t('compare.table.distance') },
    { key: 'correlation', label: t('compare.table.correlation') },
  ];
  if (rows.length === 0) return null;
  return (
    <section className="card">
      <table className="data-table" data-testid="participant-table">
        <caption>{t('compare.table.caption')}</caption>
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col.key} scope="col" aria-sort={sort.key === col.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => setSort((s) => ({ key: col.key, dir: s.key === col.key ? (s.dir === 1 ? -1 : 1) : col.key === 'name' || col.key === 'team' ? 1 : -1 }))}
                  title={t('compare.table.sortBy', { column: col.label })}
                >
                  {col.label} {sort.key === col.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ person, team, drop, pe, fit }) => (
            <tr key={person.id} className={highlightId === person.id ? 'is-highlighted' : undefined}>
              <th scope="row">
                <button type="button" className="link-btn" onClick={() => onHighlight(person.id)} aria-pressed={highlightId === person.id} aria-label={t('compare.table.highlight', { name: person.name })}>
                  <span className="swatch" style={{ background: person.color }} aria-hidden="true" />
                  {person.name}
                </button>
              </th>
              <td>{team.name}</td>
              <td>{drop ? dropCell(t, drop, fmt) : '–'}</td>
              <td>{pe?.ok ? fmt(pe.value.peak) : '–'}</td>
              <td>{pe?.ok ? `${fmt(pe.value.end)} · ${t(`compare.peakEnd.verdicts.${pe.value.verdict}`)}` : '–'}</td>
              <td>{formatFigure(t, fit.distance, fmt)}</td>
              <td>{formatFigure(t, fit.correlation, corr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
