import { newId } from './ids';
import type { Session } from './session';

/**
 * "New retro from this one": the next retro of the same group starts where
 * this one left off. It keeps what describes the group and the project's
 * shape — timeline (phases, milestones, handover), scale, teams, participants,
 * the rounds' questions, target curve and analysis settings, the customer —
 * and starts fresh in what belongs to one retro: a new session id, no project
 * name (an untitled, unsaved session), today's date, no curves, no notes.
 *
 * Action items still open are brought over for review, each marked with the
 * retro it came from; done ones stay behind. An item already carried over
 * once is marked with this retro, where it was last reviewed and still open.
 */
export function startNextRetro(previous: Session, today: string): Session {
  const from = { from: previous.project.name, date: previous.project.date };
  return {
    id: newId('ss'),
    language: previous.language,
    project: { name: '', customer: previous.project.customer, hideCustomer: previous.project.hideCustomer, date: today },
    timeline: previous.timeline,
    scale: previous.scale,
    teams: previous.teams,
    participants: previous.participants,
    // The same questions, as new rounds: nothing of the old rounds' curves or notes can point at them.
    rounds: previous.rounds.map((round) => ({ ...round, id: newId('rd') })),
    curves: [],
    target: previous.target,
    analysis: previous.analysis,
    notes: [],
    actions: previous.actions.filter((action) => !action.done).map((action) => ({ ...action, carriedOver: from })),
  };
}
