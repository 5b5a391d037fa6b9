import type { Id } from '../domain';
import type { AppStore } from '../state';

export type Removable = 'participant' | 'team' | 'round';

/**
 * Removes a participant, a team or a round, and says so in a notice with
 * Undo (issue 10): the row is gone at once, nothing is asked, and nothing is
 * lost either. Then the focus goes to `focusAfter` (the section's heading),
 * never to the next row's ✕, which a second press would remove as well.
 */
export function removeWithUndo(store: AppStore, what: Removable, id: Id, focusAfter?: HTMLElement | null): void {
  const state = store.getState();
  const { session } = state;
  let name: string | undefined;
  let curves = 0;
  switch (what) {
    case 'participant':
      name = session.participants.find((p) => p.id === id)?.name;
      curves = session.curves.filter((c) => c.participantId === id).length;
      state.removeParticipant(id);
      break;
    case 'team':
      name = session.teams.find((t) => t.id === id)?.name;
      state.removeTeam(id);
      break;
    case 'round':
      name = session.rounds.find((r) => r.id === id)?.question;
      curves = session.curves.filter((c) => c.roundId === id).length;
      state.removeRound(id);
      break;
  }
  if (name === undefined || store.getState().session === session) return;
  state.setNotice({ kind: 'removed', what, name, curves });
  focusAfter?.focus();
}
