import { analyseRound } from './analysis';
import type { RoundAnalysis } from './analysisTypes';
import type { Curve, Id, Session } from './session';

/**
 * The parts of a session that a round's analysis reads. The store is
 * immutable, so an unchanged part is the same object: comparing references
 * is enough, and a note, an action item or a curve in another round does
 * not cost a recomputation.
 */
interface Inputs {
  readonly curves: readonly Curve[];
  readonly participants: Session['participants'];
  readonly teams: Session['teams'];
  readonly timeline: Session['timeline'];
  readonly target: Session['target'];
  readonly analysis: Session['analysis'];
}

function inputsOf(session: Session, roundId: Id): Inputs {
  return {
    curves: session.curves.filter((c) => c.roundId === roundId),
    participants: session.participants,
    teams: session.teams,
    timeline: session.timeline,
    target: session.target,
    analysis: session.analysis,
  };
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  return (
    a.participants === b.participants &&
    a.teams === b.teams &&
    a.timeline === b.timeline &&
    a.target === b.target &&
    a.analysis === b.analysis &&
    a.curves.length === b.curves.length &&
    a.curves.every((c, i) => c === b.curves[i])
  );
}

/**
 * A memoised analyseRound for the store: it keeps the last analysis of each
 * round and returns that same object until something the round's analysis
 * reads has changed, so selectors and React see a stable reference while a
 * note is typed or another round is drawn (DESIGN.md: analysis is memoised
 * per round and recomputed only when curves change).
 */
export function createRoundAnalysisCache(): (session: Session, roundId: Id) => RoundAnalysis {
  const cache = new Map<Id, { inputs: Inputs; result: RoundAnalysis }>();
  return (session, roundId) => {
    const inputs = inputsOf(session, roundId);
    const hit = cache.get(roundId);
    if (hit && sameInputs(hit.inputs, inputs)) return hit.result;
    const result = analyseRound(session, roundId);
    cache.set(roundId, { inputs, result });
    return result;
  };
}
