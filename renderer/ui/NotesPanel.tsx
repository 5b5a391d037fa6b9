import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote as addNoteTo, NOTE_KINDS, phaseAt, timePos, type Id, type Note, type NoteKind, type TimePos } from '../domain';
import type { SceneNote } from '../scene/compareScene';
import { formatShare } from '../scene/numbers';
import { useActions, useApp } from './AppContext';
import { RemoveButton } from './controls';
import { TextField } from './TextField';

interface Props {
  /** The round's notes, numbered by the compare scene (along the timeline), as the chart, the room and the PDF number them. */
  readonly notes: readonly SceneNote[];
  /** A moment picked on the chart: the add form opens there. */
  readonly pickedAt: TimePos | null;
  readonly onPickedHandled: () => void;
  readonly selectedId: Id | null;
  readonly onSelect: (id: Id | null) => void;
}

/** Notes pinned to moments of the current round: add, edit, move, delete (all undoable). */
export function NotesPanel({ notes: numbered, pickedAt, onPickedHandled, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const addNote = useApp((s) => s.addNote);
  const byId = new Map(session.notes.map((n) => [n.id, n] as const));
  const notes = numbered.flatMap((n) => {
    const note = byId.get(n.id);
    return note ? [{ note, number: n.number }] : [];
  });
  return (
    <section className="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('compare.notes.title')}</h2>
      <p className="hint">{t('compare.notes.addHint')}</p>
      <NoteForm
        key={pickedAt ?? 'none'}
        initialAt={pickedAt ?? timePos(0.5)}
        autoFocus={pickedAt !== null}
        submitLabel={t('compare.notes.add')}
        onSubmit={(note) => {
          addNote(note);
          onPickedHandled();
        }}
      />
      {notes.length === 0 ? (
        <p className="hint">{t('compare.notes.empty')}</p>
      ) : (
        <ol className="note-list" data-testid="notes">
          {notes.map(({ note, number }) => (
            <NoteItem key={note.id} note={note} number={number} selected={note.id === selectedId} onSelect={onSelect} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteItem({ note, number, selected, onSelect }: { note: Note; number: number; selected: boolean; onSelect: (id: Id | null) => void }) {
  const { t } = useTranslation();
  const session = useApp((s) => s.session);
  const updateNote = useApp((s) => s.updateNote);
  const removeNote = useApp((s) => s.removeNote);
  const person = session.participants.find((p) => p.id === note.participantId);
  const phase = phaseAt(session.timeline.phases, note.at)?.phase.name ?? '';
  return (
    <li className={`note${selected ? ' note--selected' : ''}`}>
      <div className="note__head">
        <span className={`note__pin note__pin--${note.kind}`} aria-label={t('compare.notes.number', { n: number })}>
          {number}
        </span>
        <span className="badge">{t(`compare.notes.kinds.${note.kind}`)}</span>
        <span className="muted">
          {phase}
          {person ? ` · ${person.name}` : ''}
          {note.author ? ` · ${note.author}` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="icon-btn" onClick={() => onSelect(selected ? null : note.id)} aria-expanded={selected} aria-label={t('compare.notes.edit', { n: number })}>
          ✎
        </button>
        <RemoveButton onClick={() => removeNote(note.id)} label={t('compare.notes.remove', { n: number })} />
      </div>
      {selected ? (
        <div className="note__edit">
          <label className="field">
            <span>{t('compare.notes.text')}</span>
            <TextField value={note.text} onCommit={(text) => updateNote(note.id, { text })} />
          </label>
          <PositionSlider at={note.at} onChange={(at) => updateNote(note.id, { at })} />
          <div className="grid2">
            <label className="field">
              <span>{t('compare.notes.author')}</span>
              <TextField value={note.author} onCommit={(author) => updateNote(note.id, { author })} />
            </label>
            <KindSelect value={note.kind} onChange={(kind) => updateNote(note.id, { kind })} />
          </div>
          <CurveSelect value={note.participantId} onChange={(participantId) => updateNote(note.id, { participantId })} />
        </div>
      ) : (
        <p className="note__text">{note.text}</p>
      )}
    </li>
  );
}

function NoteForm({
  initialAt,
  autoFocus,
  submitLabel,
  onSubmit,
}: {
  initialAt: TimePos;
  autoFocus: boolean;
  submitLabel: string;
  onSubmit: (note: Omit<Note, 'id' | 'roundId'>) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [kind, setKind] = useState<NoteKind>('event');
  const [at, setAt] = useState<TimePos>(initialAt);
  const [participantId, setParticipantId] = useState<Id | null>(null);
  useAutosavedDraft(text, author, kind, at, participantId);
  return (
    <form
      className="card note-form"
      aria-label={t('compare.notes.add')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onSubmit({ text: text.trim(), author: author.trim(), kind, at, participantId });
        setText('');
      }}
    >
      <label className="field">
        <span>{t('compare.notes.text')}</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} autoFocus={autoFocus} />
      </label>
      <PositionSlider at={at} onChange={setAt} />
      <div className="grid2">
        <label className="field">
          <span>{t('compare.notes.author')}</span>
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <KindSelect value={kind} onChange={setKind} />
      </div>
      <CurveSelect value={participantId} onChange={setParticipantId} />
      <button type="submit" className="btn btn--primary btn--small" disabled={!text.trim()}>
        + {submitLabel}
      </button>
    </form>
  );
}

/**
 * A note being typed, not added yet, still reaches the autosave (issue 9):
 * as a draft the autosave applies to the session it writes. The session
 * and its undo history don't change until the note is added.
 */
function useAutosavedDraft(text: string, author: string, kind: NoteKind, at: TimePos, participantId: Id | null): void {
  const key = useId();
  const roundId = useApp((s) => s.roundId);
  const { setDraft } = useActions();
  useEffect(() => {
    if (!text.trim()) return;
    const note = { text: text.trim(), author: author.trim(), kind, at, participantId, roundId };
    setDraft(key, (session) => addNoteTo(session, note));
    return () => setDraft(key, null);
  }, [key, text, author, kind, at, participantId, roundId, setDraft]);
}

function PositionSlider({ at, onChange }: { at: TimePos; onChange: (at: TimePos) => void }) {
  const { t, i18n } = useTranslation();
  const phases = useApp((s) => s.session.timeline.phases);
  const phase = phaseAt(phases, at)?.phase.name ?? '';
  return (
    <label className="slider">
      <span>
        {t('compare.notes.at', { phase })} <output>{formatShare(at, i18n.language)}</output>
      </span>
      <input
        type="range"
        min={0}
        max={100}
        step={0.5}
        value={at * 100}
        aria-label={t('compare.notes.position')}
        aria-valuetext={`${formatShare(at, i18n.language)} · ${phase}`}
        onChange={(e) => onChange(timePos(Number(e.target.value) / 100))}
      />
    </label>
  );
}

function KindSelect({ value, onChange }: { value: NoteKind; onChange: (kind: NoteKind) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('compare.notes.kind')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as NoteKind)}>
        {NOTE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`compare.notes.kinds.${k}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function CurveSelect({ value, onChange }: { value: Id | null; onChange: (id: Id | null) => void }) {
  const { t } = useTranslation();
  const participants = useApp((s) => s.session.participants);
  return (
    <label className="field">
      <span>{t('compare.notes.curve')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('compare.notes.noCurve')}</option>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
