import { compareSeries, sampleRound, teamSeries, teamWithRole } from './analysis';
import { ANALYSIS_GRID_STEPS, type PerceptionGap } from './analysisTypes';
import { makeGrid } from './curve';
import type { Id, Session, Team } from './session';

/**
 * For a round of kind 'otherTeam' ("how do you think the other team
 * experienced the customer?"): Sales' guess of PS against PS' own curves, and
 * PS' guess of Sales against Sales' own curves. "Own curves" are those of the
 * first round of kind 'experienced', the round the question refers to.
 *
 * Returns [] when the round is not an 'otherTeam' round, there is no
 * 'experienced' round, or the session lacks a Sales or a PS team. A side
 * with no curves still gives its pair, with figures that say so.
 */
export function measurePerceptionGaps(session: Session, otherTeamRoundId: Id): PerceptionGap[] {
  const round = session.rounds.find((r) => r.id === otherTeamRoundId);
  const experienced = session.rounds.find((r) => r.kind === 'experienced');
  const sales = teamWithRole(session.teams, 'sales');
  const ps = teamWithRole(session.teams, 'ps');
  if (round?.kind !== 'otherTeam' || !experienced || !sales || !ps) return [];
  return [
    measurePerceptionGap(session, round.id, experienced.id, sales, ps),
    measurePerceptionGap(session, round.id, experienced.id, ps, sales),
  ];
}

/** One side's guess of the other, against the other's own curves; gap = guess − real. */
export function measurePerceptionGap(
  session: Session,
  guessRoundId: Id,
  realRoundId: Id,
  guessing: Team,
  guessed: Team,
): PerceptionGap {
  const grid = makeGrid(ANALYSIS_GRID_STEPS);
  const guess = teamSeries(guessing.id, sampleRound(session, guessRoundId, grid), grid.length);
  const real = teamSeries(guessed.id, sampleRound(session, realRoundId, grid), grid.length);
  const { values, largest, meanAbs } = compareSeries(guess, real, grid, session.timeline.phases);
  return { guessingTeam: guessing.id, guessedTeam: guessed.id, guess: guess.mean, real: real.mean, gap: values, meanAbs, largest };
}
