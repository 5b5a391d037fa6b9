import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figure, HandoverDrop, Id } from '../domain';
import { stretchPhases, type CompareScene, type ScenePerson } from '../scene/compareScene';
import { agreementText, dropText, gapText, peakEndText, perceptionText, personEndText, phaseSpan, spanDetail, spanPrompt } from '../scene/sceneText';
import { useApp } from './AppContext';
import { CompareChart } from './CompareChart';
import { formatCorrelation, formatLevel, formatShare } from '../scene/numbers';
import { formatFigure } from './format';
import { SceneLegendView } from './Legend';
import { RoundPicker } from './RoundPicker';
import { useCompareScene } from './useRoundAnalysis';

type SortKey = 'name' | 'team' | 'drop' | 'peak' | 'end' | 'distance' | 'correlation';

/**
 * Compare: the compare scene of the round (renderer/scene/compareScene.ts)
 * as a chart with its legend and, beside it, in sentences: the drop after
 * the handover per team, where Sales and PS differed most, how alike the
 * teams are within and apart, peak and end, the perception gap of an "other
 * team" round; below, every disagreement span with its prompt and the
 * figures per team and per person. The room view and the PDF say the same
 * from the same scene.
 */
export function CompareView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useApp((s) => s.session);
  const highlightId = useApp((s) => s.highlightId);
  const setHighlight = useApp((s) => s.setHighlight);
  const display = useApp((s) => s.compareDisplay);
  const setDisplay = useApp((s) => s.setCompareDisplay);
  const updateTarget = useApp((s) => s.updateTarget);
  const updateAnalysisSettings = useApp((s) => s.updateAnalysisSettings);
  const scene = useCompareScene('compare');
  const facts = scene.facts;
  const level = (v: number) => formatLevel(v, lang);
  const toggleHighlight = (id: Id) => setHighlight(highlightId === id ? null : id);
  const agreement = agreementText(t, lang, facts.agreement);
  // An "other team" round: the perception gap is what it says; drops, gap and ends of guesses would mislead.
  const perceptionRound = scene.roundKind === 'otherTeam';

  return (
    <div className="compare">
      <aside className="sidebar sidebar--wide facts" aria-label={t('compare.title')}>
        <RoundPicker />
        {scene.roundKind === 'otherTeam' && (
          <section aria-labelledby="cmp-perception" data-testid="perception">
            <h2 id="cmp-perception">{t('compare.perception.title')}</h2>
            {facts.perception.length === 0 || facts.perception.every((p) => p.meanAbs === null) ? (
              <p className="hint">{t('compare.perception.none')}</p>
            ) : (
              <ul className="figures">
                {facts.perception.map((p) => {
                  const text = perceptionText(t, lang, p);
                  return (
                    <li key={`${p.guessing}-${p.guessed}`}>
                      <strong>{text.pair}</strong>
                      <br />
                      {text.mean}
                      {text.largest && (
                        <>
                          <br />
                          {text.largest}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}

        {!perceptionRound && <HandoverFacts scene={scene} />}
        {!perceptionRound && <GapFacts scene={scene} />}
        <section aria-labelledby="cmp-agreement" data-testid="agreement">
          <h2 id="cmp-agreement">{t('compare.agreement')}</h2>
          {agreement.teams.map((sentence) => (
            <p key={sentence} data-testid="agreement-team">
              {sentence}
            </p>
          ))}
          {agreement.split && <p data-testid="agreement-split">{agreement.split}</p>}
          <p className="muted" data-testid="agreement-group">
            {agreement.group}
          </p>
        </section>

        {!perceptionRound && <PeakEndFacts scene={scene} />}

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
            {scene.teams.map((team) =>
              team.targetDistance?.ok ? <li key={team.id}>{t('compare.target.distance', { team: team.name, value: level(team.targetDistance.value) })}</li> : null,
            )}
          </ul>
        </fieldset>

        <fieldset className="modes">
          <legend>{t('compare.handover.settings')}</legend>
          <label className="slider">
            <span>
              {t('compare.handover.window')} <output>{formatShare(session.analysis.handoverWindow, lang)}</output>
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
          <CompareChart scene={scene} label={t('compare.chartLabel')} />
        </div>
        <SceneLegendView legend={scene.legend} />
        <p className="hint">
          {t('compare.scaleNote')} {scene.showTeamLines && t('compare.facts.lineRule')}
        </p>
        <DisagreementList scene={scene} />
        <TeamTable scene={scene} onHighlight={toggleHighlight} />
        <ParticipantTable scene={scene} onHighlight={toggleHighlight} />
      </main>
    </div>
  );
}

/** The drop after the handover per team, in the scene's sentences. */
function HandoverFacts({ scene }: { scene: CompareScene }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = scene.facts;
  return (
    <section aria-labelledby="cmp-handover" data-testid="handover-drops">
      <h2 id="cmp-handover">{t('compare.handover.title')}</h2>
      {scene.handoverAt === null ? (
        <p className="hint">{t('compare.handover.none')}</p>
      ) : (
        <ul className="figures">
          {facts.drops.map((d) => {
            const text = dropText(t, lang, d);
            return (
              <li key={d.team}>
                {text.text}
                {text.flag && <span className="badge badge--warn">{text.flag}</span>}
                {text.basis && <span className="muted"> · {text.basis}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Where Sales and PS differed most, and how far apart they were on average. */
function GapFacts({ scene }: { scene: CompareScene }) {
  const { t, i18n } = useTranslation();
  const gap = scene.facts.gap ? gapText(t, i18n.language, scene.facts.gap) : null;
  return (
    <section aria-labelledby="cmp-gap">
      <h2 id="cmp-gap">{t('compare.gap.title')}</h2>
      {gap ? (
        <>
          <p data-testid="gap-largest">
            {gap.largest ?? formatFigure(t, { ok: false, n: 0, needed: 1 }, String)}
            {gap.basis && <span className="muted"> · {gap.basis}</span>}
          </p>
          {gap.mean && <p data-testid="gap-mean">{gap.mean}</p>}
        </>
      ) : (
        <p className="hint">{t('compare.gap.missing')}</p>
      )}
    </section>
  );
}

/** Peak and end per team (or where its line stops). */
function PeakEndFacts({ scene }: { scene: CompareScene }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = scene.facts;
  return (
    <section aria-labelledby="cmp-peak">
      <h2 id="cmp-peak">{t('compare.peakEnd.title')}</h2>
      <ul className="figures" data-testid="peak-end">
        {facts.peakEnd.map((p) => {
          const text = peakEndText(t, lang, p);
          return (
            <li key={p.team}>
              {text.text}{' '}
              {text.verdict && <span className={`badge${text.good ? ' badge--ok' : ' badge--warn'}`}>{text.verdict}</span>}
              {text.basis && <span className="muted"> · {text.basis}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DisagreementList({ scene }: { scene: CompareScene }) {
  const { t, i18n } = useTranslation();
  const enough = scene.curveCount >= 2;
  return (
    <section className="card" aria-labelledby="cmp-spans">
      <h2 id="cmp-spans">{t('compare.spans.title')}</h2>
      {!enough ? (
        <p className="hint">{t('compare.spans.notEnough')}</p>
      ) : scene.facts.spans.length === 0 ? (
        <p className="hint">{t('compare.spans.none')}</p>
      ) : (
        <ol className="spans" data-testid="disagreement">
          {scene.facts.spans.map((s) => (
            <li key={s.number}>
              <strong>{spanPrompt(t, s)}</strong>
              <br />
              <span className="muted">
                {phaseSpan(t, s.firstPhase, s.lastPhase)} · {spanDetail(t, i18n.language, s)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TeamTable({ scene, onHighlight }: { scene: CompareScene; onHighlight: (id: Id) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const highlightId = useApp((s) => s.highlightId);
  const session = useApp((s) => s.session);
  const fmt = (v: number) => formatLevel(v, lang);
  if (scene.teams.length === 0) return null;
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
            <th scope="col">{t('compare.table.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {scene.teams.map((team) => {
            const pe = team.peakEnd;
            return (
              <tr key={team.id} className={highlightId === team.id ? 'is-highlighted' : undefined}>
                <th scope="row">
                  <button type="button" className="link-btn" onClick={() => onHighlight(team.id)} aria-pressed={highlightId === team.id} aria-label={t('compare.table.highlight', { name: team.name })}>
                    {team.name}
                  </button>
                </th>
                <td>{team.n}</td>
                <td>{team.drop ? dropCell(t, team.drop, fmt, true) : '–'}</td>
                <td>{pe.ok ? `${fmt(pe.value.peak)} · ${(({ first, last }) => phaseSpan(t, first, last))(stretchPhases(session, pe.value.peakStart, pe.value.peakEnd))}` : '–'}</td>
                <td>{pe.ok ? personEndText(t, lang, { ...pe.value, endPhase: stretchPhases(session, pe.value.endAt, pe.value.endAt).last }) : '–'}</td>
                <td>{formatFigure(t, team.agreement, (v) => formatShare(v, lang))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A drop in a table cell; `team`: a team's, which says so when it rests on one person (a person's always does). */
function dropCell(t: ReturnType<typeof useTranslation>['t'], f: Figure<HandoverDrop>, fmt: (v: number) => string, team = false): string {
  // No curve reaches both sides of the handover (joined later, left earlier): say so, not "0 of 1".
  if (!f.ok) return f.n === 0 && !f.reason ? t('compare.facts.notAcrossShort') : formatFigure(t, f as Figure<never>, String);
  const basis = team && f.n === 1 ? ` · ${t('compare.facts.onePerson')}` : '';
  return `${fmt(f.value.drop)}${f.value.overstretched ? ` · ${t('compare.facts.overstretched')}` : ''}${basis}`;
}

function ParticipantTable({ scene, onHighlight }: { scene: CompareScene; onHighlight: (id: Id) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const highlightId = useApp((s) => s.highlightId);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'drop', dir: -1 });
  const fmt = (v: number) => formatLevel(v, lang);
  const corr = (v: number) => formatCorrelation(v, lang);

  const rows = scene.people;
  const sortValue = (r: ScenePerson): string | number => {
    switch (sort.key) {
      case 'name':
        return r.name.toLowerCase();
      case 'team':
        return r.teamName.toLowerCase();
      case 'drop':
        return r.drop?.ok ? r.drop.value.drop : Number.NEGATIVE_INFINITY;
      case 'peak':
        return r.peakEnd?.ok ? r.peakEnd.value.peak : Number.NEGATIVE_INFINITY;
      case 'end':
        return r.peakEnd?.ok && r.peakEnd.value.reachesEnd ? r.peakEnd.value.end : Number.NEGATIVE_INFINITY;
      case 'distance':
        return r.fit?.distance.ok ? r.fit.distance.value : Number.NEGATIVE_INFINITY;
      case 'correlation':
        return r.fit?.correlation.ok ? r.fit.correlation.value : Number.NEGATIVE_INFINITY;
    }
  };
  const sorted = useMemo(
    () =>
      [...rows].sort((a, b) => {
        const va = sortValue(a);
        const vb = sortValue(b);
        return (va < vb ? -1 : va > vb ? 1 : 0) * sort.dir;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sortValue reads only `sort`.
    [rows, sort],
  );
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
          {sorted.map((p) => {
            const pe = p.peakEnd;
            return (
              <tr key={p.id} className={highlightId === p.id ? 'is-highlighted' : undefined}>
                <th scope="row">
                  <button type="button" className="link-btn" onClick={() => onHighlight(p.id)} aria-pressed={highlightId === p.id} aria-label={t('compare.table.highlight', { name: p.name })}>
                    <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                    {p.name}
                  </button>
                </th>
                <td>{p.teamName}</td>
                <td>{p.drop ? dropCell(t, p.drop, fmt) : '–'}</td>
                <td>{pe?.ok ? fmt(pe.value.peak) : '–'}</td>
                <td>{pe?.ok ? personEndText(t, lang, { ...pe.value, endPhase: p.toPhase }) : '–'}</td>
                <td>{p.fit ? formatFigure(t, p.fit.distance, fmt) : '–'}</td>
                <td>{p.fit ? formatFigure(t, p.fit.correlation, corr) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
