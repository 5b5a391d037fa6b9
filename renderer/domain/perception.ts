import { analyseRound, compareSeries, teamWithRole } from './analysis';
import type { PerceptionGap, RoundAnalysis } from './analysisTypes';
import type { Id, Session, Team } from './session';

/**
 * For a round of kind 'otherTeam' ("how do you think the other team
 * experienced the customer?"): Sales' guess of PS against PS' own curves, and
 * PS' guess of Sales against Sales' own curves. "Own curves" are those of the
 * first round of kind 'experienced', the round the question refers to.
 *
 * Both sides are team lines as the compare view draws them (linked means,
 * see linkTeamMean), taken from the rounds' analyses: `analyse` is the
 * app's memoised one, so nothing is sampled twice.
 *
 * Returns [] when the round is not an 'otherTeam' round, there is no
 * 'experienced' round, or the session lacks a Sales or a PS team. A side
 * with no curves still gives its pair, with figures that say so.
 */
export function measurePerceptionGaps(
  session: Session,
  otherTeamRoundId: Id,
  analyse: (session: Session, roundId: Id) => RoundAnalysis = analyseRound,
): PerceptionGap[] {
  const round = session.rounds.find((r) => r.id === otherTeamRoundId);
  const experienced = session.rounds.find((r) => r.kind === 'experienced');
  const sales = teamWithRole(session.teams, 'sales');
  const ps = teamWithRole(session.teams, 'ps');
  if (round?.kind !== 'otherTeam' || !experienced || !sales || !ps) return [];
  const guesses = analyse(session, round.id);
  const real = analyse(session, experienced.id);
  return [measurePerceptionGap(session, guesses, real, sales, ps), measurePerceptionGap(session, guesses, real, ps, sales)];
}

/** One side's guess of the other, against the other's own curves; gap = guess − real. */
export function measurePerceptionGap(session: Session, guesses: RoundAnalysis, real: RoundAnalysis, guessing: Team, guessed: Team): PerceptionGap {
  const guess = guesses.teams.find((t) => t.teamId === guessing.id)!;
  const truth = real.teams.find((t) => t.teamId === guessed.id)!;
  const { values, largest, meanAbs } = compareSeries(guess, truth, guesses.grid, session.timeline.phases);
  return { guessingTeam: guessing.id, guessedTeam: guessed.id, guess: guess.mean, real: truth.mean, gap: values, meanAbs, largest };
}
