import type { Curve, Id, Participant, Session, Team } from '../domain';
import type { AppState, RevealMode } from './index';

/** One participant's curve as the chart draws it. */
export interface VisibleCurve {
  readonly participant: Participant;
  readonly team: Team;
  readonly curve: Curve;
  /** Drawn faded (others' curves while drawing unblind). */
  readonly faded: boolean;
}

export function curvesOfRound(session: Session, roundId: Id): Curve[] {
  return session.curves.filter((c) => c.roundId === roundId);
}

export function hasDrawn(session: Session, roundId: Id, participantId: Id): boolean {
  return session.curves.some((c) => c.roundId === roundId && c.participantId === participantId);
}

/** How many participants have a curve in the round, of how many. */
export function drawnCount(session: Session, roundId: Id): { drawn: number; total: number } {
  const drawn = session.participants.filter((p) => hasDrawn(session, roundId, p.id)).length;
  return { drawn, total: session.participants.length };
}

/**
 * The groups the reveal steps through: everyone at once, team by team (in
 * team order), or one participant after another. Only people with a curve
 * take part.
 */
export function revealGroups(session: Session, roundId: Id, mode: RevealMode): Id[][] {
  const withCurve = session.participants.filter((p) => hasDrawn(session, roundId, p.id));
  if (withCurve.length === 0) return [];
  switch (mode) {
    case 'all':
      return [withCurve.map((p) => p.id)];
    case 'team':
      return session.teams
        .map((t) => withCurve.filter((p) => p.teamId === t.id).map((p) => p.id))
        .filter((g) => g.length > 0);
    case 'oneByOne':
      return withCurve.map((p) => [p.id]);
  }
}

export function revealedIds(state: AppState): Set<Id> {
  const groups = revealGroups(state.session, state.roundId, state.revealMode);
  return new Set(groups.slice(0, state.revealStep).flat());
}

/** The curves the chart shows on the current screen. */
export function visibleCurves(state: AppState): VisibleCurve[] {
  const { session, roundId } = state;
  const teams = new Map(session.teams.map((t) => [t.id, t] as const));
  const people = new Map(session.participants.map((p) => [p.id, p] as const));
  const result: VisibleCurve[] = [];
  const push = (curve: Curve, faded: boolean) => {
    const participant = people.get(curve.participantId);
    const team = participant && teams.get(participant.teamId);
    if (participant && team) result.push({ participant, team, curve, faded });
  };
  const round = curvesOfRound(session, roundId);
  if (state.view === 'draw') {
    if (state.drawerId === null || state.curtain) return [];
    for (const c of round) {
      if (c.participantId === state.drawerId) continue;
      if (!state.blind) push(c, true);
    }
    const own = round.find((c) => c.participantId === state.drawerId);
    if (own) push(own, false);
    return result;
  }
  if (state.view === 'compare' || state.view === 'discuss') {
    // Comparing and discussing happen after the reveal: everyone's curve, less the legend's hidden ones.
    for (const c of round) {
      const p = people.get(c.participantId);
      if (!p || state.hiddenParticipantIds.includes(p.id) || state.hiddenTeamIds.includes(p.teamId)) continue;
      push(c, state.view === 'compare');
    }
    return result;
  }
  if (state.view === 'reveal') {
    const revealed = revealedIds(state);
    for (const c of round) {
      if (!revealed.has(c.participantId)) continue;
      if (state.hiddenParticipantIds.includes(c.participantId)) continue;
      const p = people.get(c.participantId);
      if (p && state.hiddenTeamIds.includes(p.teamId)) continue;
      push(c, false);
    }
  }
  return result;
}
