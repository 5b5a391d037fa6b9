import { useMemo } from 'react';
import { measurePerceptionGaps, type PerceptionGap, type RoundAnalysis } from '../domain';
import { roundAnalysis as analyse } from '../state';
import { useApp } from './AppContext';

// One cache for the app, shared with the room state: each round's analysis is recomputed only when its curves (or the setup) change.

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
