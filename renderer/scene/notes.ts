import { phaseAt, type Id, type Note, type Session } from '../domain';

/** A note with the number every surface gives it. */
export interface NumberedNote {
  readonly note: Note;
  /** 1, 2, … along the timeline. */
  readonly number: number;
  readonly phaseName: string;
}

/**
 * A round's notes, numbered once for the app, the room and the PDF: in
 * order along the timeline (the order the pins stand in on the chart), two
 * at the same moment in the order they were written. Moving a note along
 * the timeline can change its number; adding one never renumbers the notes
 * before it.
 */
export function numberNotes(session: Session, roundId: Id): NumberedNote[] {
  return session.notes
    .map((note, index) => ({ note, index }))
    .filter(({ note }) => note.roundId === roundId)
    .sort((a, b) => a.note.at - b.note.at || a.index - b.index)
    .map(({ note }, i) => ({ note, number: i + 1, phaseName: phaseAt(session.timeline.phases, note.at)?.phase.name ?? '' }));
}
