import type { RoundAnalysis } from '../domain';
import type { CompareScene, SceneSwitches } from '../scene/compareScene';
import { compareSceneOf, roundAnalysis as analyse } from '../state';
import { useApp } from './AppContext';

// One cache for the app, shared with the room state: each round's analysis is recomputed only when its curves (or the
// setup) change, and the compare scene only when the analysis or the view's switches do.

export function useRoundAnalysis(): RoundAnalysis {
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  return analyse(session, roundId);
}

/** The compare scene of the current round, as the chart, the panels and the room state all see it. */
export function useCompareScene(mode: SceneSwitches['mode']): CompareScene {
  const session = useApp((s) => s.session);
  const roundId = useApp((s) => s.roundId);
  const compareDisplay = useApp((s) => s.compareDisplay);
  const hiddenTeamIds = useApp((s) => s.hiddenTeamIds);
  const hiddenParticipantIds = useApp((s) => s.hiddenParticipantIds);
  const highlightId = useApp((s) => s.highlightId);
  return compareSceneOf({ session, roundId, compareDisplay, hiddenTeamIds, hiddenParticipantIds, highlightId }, mode);
}
