import { useMemo } from 'react';
import { createRoundAnalysisCache, measurePerceptionGaps, type PerceptionGap, type RoundAnalysis } from '../domain';
import { useApp } from './AppContext';

// One cache for the app: each round's analysis is recomputed only when its curves (or the setup) change.
const analyse = createRoundAnalysisCache();

export function useRoundAnalysis(): RoundAnalysis {
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  return analyse(session, roundId);
}

export function usePerceptionGaps(): PerceptionGap[] {
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  return useMemo(() => measurePerceptionGaps(session, roundId), [session, roundId]);
}
