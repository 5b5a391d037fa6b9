import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  canRemoveTeam,
  describePhaseEdit,
  describePhaseRemoval,
  LINE_STYLES,
  PARTICIPANT_PALETTE,
  timePos,
  type Id,
  type LineStyle,
  type PhaseEditEffect,
  type PhaseRemoval,
} from '../domain';
import { useActions, useApp, useServices } from './AppContext';
import { RemoveButton, TeamSelect } from './controls';
import { ChartPanel } from './ChartPanel';
import { TextField } from './TextField';
import { SessionDecimalField } from './DecimalInput';
import { removeWithUndo } from './removals';
import { formatShare } from '../scene/numbers';

export function SetupView() {
  const { t } = useTranslation();
  return (
    <div className="setup">
      <div className="setup__forms">
        <ProjectSection />
        <TimelineSection />
        <ScaleSection />
        <TeamsSection />
        <ParticipantsSection />
      </div>
      <aside className="setup__preview" aria-label={t('setup.preview')}>
        <h2>{t('setup.preview')}</h2>
        <ChartPanel curves={[]} label={t('setup.previewLabel')} />
      </aside>
    </div>
  );
}

function ProjectSection() {
  const { t } = useTranslation();
  const project = useApp((s) => s.session.project);
  const update = useApp((s) => s.updateProject);
  return (
    <section className="card" aria-labelledby="setup-project">
      <h2 id="setup-project">{t('setup.project.title')}</h2>
      <div className="grid2">
        <label className="field">
          <span>{t('setup.project.name')}</span>
          <TextField value={project.name} onCommit={(name) => update({ name })} placeholder={t('setup.project.namePlaceholder')} />
        </label>
        <label className="field">
          <span>{t('setup.project.customer')}</span>
          <TextField value={project.customer} onCommit={(customer) => update({ customer })} />
        </label>
        <label className="field">
          <span>{t('setup.project.date')}</span>
          <input type="date" value={project.date} onChange={(e) => update({ date: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={project.hideCustomer} onChange={(e) => update({ hideCustomer: e.target.checked })} />
          <span>{t('setup.project.hideCustomer')}</span>
        </label>
      </div>
    </section>
  );
}

/** What removing a phase will do to curves, notes and milestones, asked before it happens. */
function removalQuestion(t: TFunction, r: PhaseRemoval): string {
  const phase = r.phaseName;
  return [
    t('compare.phaseEdit.confirmRemove', { phase }),
    r.curvesCut > 0 ? t('compare.phaseEdit.curvesCut', { count: r.curvesCut, phase }) : '',
    r.curvesRemoved > 0 ? t('compare.phaseEdit.curvesRemoved', { count: r.curvesRemoved }) : '',
    r.notes > 0 ? t('compare.phaseEdit.notes', { count: r.notes }) : '',
    r.milestones.length > 0 ? t('compare.phaseEdit.milestones', { names: r.milestones.join(', ') }) : '',
    t('compare.phaseEdit.undoHint'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** What a phase edit did, in one sentence for the facilitator. */
function editReport(t: TFunction, e: PhaseEditEffect): string {
  const parts = [
    e.curvesMoved > 0 ? t('compare.phaseEdit.movedCurves', { count: e.curvesMoved }) : '',
    e.curvesRemoved > 0 ? t('compare.phaseEdit.removedCurves', { count: e.curvesRemoved }) : '',
    e.milestonesMoved.length > 0 ? t('compare.phaseEdit.movedMilestones', { names: e.milestonesMoved.join(', ') }) : '',
    e.notesMoved > 0 ? t('compare.phaseEdit.movedNotes', { count: e.notesMoved }) : '',
  ].filter(Boolean);
  return t('compare.phaseEdit.changed', { parts: parts.length > 0 ? parts.join('; ') : t('compare.phaseEdit.nothingDrawn') });
}

function TimelineSection() {
  const { t, i18n } = useTranslation();
  const { store } = useServices();
  const timeline = useApp((s) => s.session.timeline);
  const s = useActions();
  const total = timeline.phases.reduce((sum, p) => sum + p.width, 0);
  // Resizing, moving or removing a phase carries curves, milestones and notes along (domain/edits.ts); the
  // facilitator is told what moved, and asked before a removal cuts curves.
  const [changed, setChanged] = useState<string | null>(null);
  const phaseEdit = (run: () => void) => {
    const before = store.getState().session;
    run();
    const after = store.getState().session;
    if (after !== before) setChanged(editReport(t, describePhaseEdit(before, after)));
  };
  const removePhase = (id: Id) => {
    const removal = describePhaseRemoval(store.getState().session, id);
    const asks = removal && removal.curvesCut + removal.curvesRemoved + removal.notes + removal.milestones.length > 0;
    if (asks && !window.confirm(removalQuestion(t, removal))) return;
    phaseEdit(() => s.removePhase(id));
  };
  return (
    <section className="card" aria-labelledby="setup-timeline">
      <h2 id="setup-timeline">{t('setup.timeline.title')}</h2>
      <table className="rows">
        <caption className="sr-only">{t('setup.timeline.phases')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.timeline.phase')}</th>
            <th scope="col">{t('setup.timeline.width')}</th>
            <th scope="col">
              <span className="sr-only">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {timeline.phases.map((p, i) => (
            <tr key={p.id}>
              <td>
                <TextField
                  value={p.name}
                  onCommit={(name) => s.renamePhase(p.id, name)}
                  aria-label={t('setup.timeline.phaseName', { n: i + 1 })}
                />
              </td>
              <td className="num">
                <SessionDecimalField
                  className="number-field"
                  min={0.25}
                  max={20}
                  step={0.25}
                  value={p.width}
                  onCommit={(width) => phaseEdit(() => s.resizePhase(p.id, width))}
                  aria-label={t('setup.timeline.phaseWidth', { name: p.name })}
                />
                <span className="muted"> {formatShare(p.width / total, i18n.language)}</span>
              </td>
              <td className="row-actions">
                <button type="button" className="icon-btn" onClick={() => phaseEdit(() => s.movePhase(p.id, -1))} disabled={i === 0} aria-label={t('setup.moveUp', { name: p.name })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-btn"
                  onClick={() => phaseEdit(() => s.movePhase(p.id, 1))}
                  disabled={i === timeline.phases.length - 1}
                  aria-label={t('setup.moveDown', { name: p.name })}
                >
                  ↓
                </button>
                <RemoveButton onClick={() => removePhase(p.id)} disabled={timeline.phases.length <= 1} label={t('setup.remove', { name: p.name })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => phaseEdit(() => s.addPhase(t('setup.timeline.newPhase')))}>
        + {t('setup.timeline.addPhase')}
      </button>
      <p className="hint" role="status" aria-live="polite" data-testid="phase-edit-status">
        {changed}
      </p>

      <h3>{t('setup.timeline.milestones')}</h3>
      <table className="rows">
        <thead>
          <tr>
            <th scope="col">{t('setup.timeline.milestone')}</th>
            <th scope="col">{t('setup.timeline.position')}</th>
            <th scope="col">{t('setup.timeline.handover')}</th>
            <th scope="col">
              <span className="sr-only">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {timeline.milestones.map((m, i) => (
            <tr key={m.id}>
              <td>
                <TextField value={m.name} onCommit={(name) => s.updateMilestone(m.id, { name })} aria-label={t('setup.timeline.milestoneName', { n: i + 1 })} />
              </td>
              <td className="num">
                <SessionDecimalField
                  className="number-field"
                  min={0}
                  max={100}
                  step={0.5}
                  maxDecimals={1}
                  value={m.at * 100}
                  onCommit={(v) => s.updateMilestone(m.id, { at: timePos(v / 100) })}
                  aria-label={t('setup.timeline.milestonePosition', { name: m.name })}
                />
                <span className="muted"> %</span>
              </td>
              <td className="center">
                <input
                  type="radio"
                  name="handover"
                  checked={timeline.handoverId === m.id}
                  onChange={() => s.setHandover(m.id)}
                  aria-label={t('setup.timeline.isHandover', { name: m.name })}
                />
              </td>
              <td className="row-actions">
                <RemoveButton onClick={() => s.removeMilestone(m.id)} label={t('setup.remove', { name: m.name })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => s.addMilestone(t('setup.timeline.newMilestone'), timePos(0.5))}>
        + {t('setup.timeline.addMilestone')}
      </button>
    </section>
  );
}

function ScaleSection() {
  const { t } = useTranslation();
  const scale = useApp((s) => s.session.scale);
  const update = useApp((s) => s.updateScale);
  return (
    <section className="card" aria-labelledby="setup-scale">
      <h2 id="setup-scale">{t('setup.scale.title')}</h2>
      <div className="grid3">
        {(['low', 'mid', 'high'] as const).map((k) => (
          <label className="field" key={k}>
            <span>{t(`setup.scale.${k}`)}</span>
            <TextField value={scale[k]} onCommit={(v) => update({ [k]: v })} />
          </label>
        ))}
      </div>
    </section>
  );
}

function TeamsSection() {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const s = useActions();
  const { store } = useServices();
  return (
    <section className="card" aria-labelledby="setup-teams">
      <h2 id="setup-teams" tabIndex={-1}>
        {t('setup.teams.title')}
      </h2>
      <table className="rows">
        <thead>
          <tr>
            <th scope="col">{t('setup.teams.name')}</th>
            <th scope="col">{t('setup.teams.lineStyle')}</th>
            <th scope="col">
              <span className="sr-only">{t('setup.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {session.teams.map((team) => (
            <tr key={team.id}>
              <td>
                <TextField value={team.name} onCommit={(name) => s.updateTeam(team.id, { name })} aria-label={t('setup.teams.nameOf', { name: team.name })} />
              </td>
              <td>
                <select
                  value={team.lineStyle}
                  onChange={(e) => s.updateTeam(team.id, { lineStyle: e.target.value as LineStyle })}
                  aria-label={t('setup.teams.lineStyleOf', { name: team.name })}
                >
                  {LINE_STYLES.map((l) => (
                    <option key={l} value={l}>
                      {t(`lineStyles.${l}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="row-actions">
                <RemoveButton
                  onClick={() => removeWithUndo(store, 'team', team.id, document.getElementById('setup-teams'))}
                  disabled={!canRemoveTeam(session, team.id)}
                  label={t('setup.remove', { name: team.name })}
                  title={canRemoveTeam(session, team.id) ? undefined : t('setup.teams.hasMembers')}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => s.addTeam(t('setup.teams.newTeam'))}>
        + {t('setup.teams.add')}
      </button>
    </section>
  );
}

/** The name as people would tell it apart: case and surrounding spaces don't make two names different. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();

function ParticipantsSection() {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const s = useActions();
  const { store } = useServices();
  const counts = new Map<string, number>();
  for (const p of session.participants) if (p.name.trim()) counts.set(nameKey(p.name), (counts.get(nameKey(p.name)) ?? 0) + 1);
  const duplicateOf = (name: string) => (counts.get(nameKey(name)) ?? 0) > 1;
  const [name, setName] = useState('');
  const newIsTaken = name.trim() !== '' && counts.has(nameKey(name));
  const [teamId, setTeamId] = useState<string>('');
  const chosenTeam = session.teams.some((tm) => tm.id === teamId) ? teamId : session.teams[0]!.id;
  const add = () => {
    if (!name.trim()) return;
    s.addParticipant(name.trim(), chosenTeam);
    setName('');
  };
  return (
    <section className="card" aria-labelledby="setup-participants">
      <h2 id="setup-participants" tabIndex={-1}>
        {t('setup.participants.title')} <span className="muted">({session.participants.length})</span>
      </h2>
      {session.participants.length > 0 && (
        <table className="rows" data-testid="participants">
          <thead>
            <tr>
              <th scope="col">{t('setup.participants.name')}</th>
              <th scope="col">{t('setup.participants.team')}</th>
              <th scope="col">{t('setup.participants.color')}</th>
              <th scope="col">
                <span className="sr-only">{t('setup.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {session.participants.map((p) => (
              <tr key={p.id}>
                <td>
                  <TextField
                    value={p.name}
                    onCommit={(v) => s.updateParticipant(p.id, { name: v })}
                    aria-label={t('setup.participants.nameOf', { name: p.name })}
                    aria-invalid={duplicateOf(p.name) || undefined}
                    aria-describedby={duplicateOf(p.name) ? `duplicate-${p.id}` : undefined}
                  />
                  {duplicateOf(p.name) && (
                    <p className="field-error" id={`duplicate-${p.id}`}>
                      {t('edits.duplicateName', { name: p.name.trim() })}
                    </p>
                  )}
                </td>
                <td>
                  <TeamSelect
                    teams={session.teams}
                    value={p.teamId}
                    onChange={(teamId) => s.updateParticipant(p.id, { teamId })}
                    label={t('setup.participants.teamOf', { name: p.name })}
                  />
                </td>
                <td>
                  <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
                  <select value={p.color} onChange={(e) => s.updateParticipant(p.id, { color: e.target.value })} aria-label={t('setup.participants.colorOf', { name: p.name })}>
                    {PARTICIPANT_PALETTE.map((c) => (
                      <option key={c} value={c}>
                        {t(`colors.${c.slice(1)}`)}
                      </option>
                    ))}
                    {!PARTICIPANT_PALETTE.includes(p.color as never) && <option value={p.color}>{p.color}</option>}
                  </select>
                </td>
                <td className="row-actions">
                  <RemoveButton
                    onClick={() => removeWithUndo(store, 'participant', p.id, document.getElementById('setup-participants'))}
                    label={t('setup.remove', { name: p.name })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>{t('setup.participants.newName')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('setup.participants.namePlaceholder')}
            aria-describedby={newIsTaken ? 'duplicate-new' : undefined}
          />
          {/* Pointed out, not refused: two people may share a first name, and then one of them gets an initial. */}
          {newIsTaken && (
            <span className="field-error" id="duplicate-new">
              {t('edits.duplicateNew', { name: name.trim() })}
            </span>
          )}
        </label>
        <label className="field">
          <span>{t('setup.participants.team')}</span>
          <TeamSelect teams={session.teams} value={chosenTeam} onChange={setTeamId} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
          + {t('setup.participants.add')}
        </button>
      </form>
    </section>
  );
}
