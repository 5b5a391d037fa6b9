import { useMemo } from 'react';
import { visibleCurves, type VisibleCurve } from '../state';
import { useApp } from './AppContext';

/** The curves of the current screen, recomputed only when what they depend on changes. */
export function useVisibleCurves(): VisibleCurve[] {
  const session = useApp((s) => s.session);
  const view = useApp((s) => s.view);
  const roundId = useApp((s) => s.roundId);
  const drawerId = useApp((s) => s.drawerId);
  const curtain = useApp((s) => s.curtain);
  const blind = useApp((s) => s.blind);
  const revealMode = useApp((s) => s.revealMode);
  const revealStep = useApp((s) => s.revealStep);
  const hiddenParticipantIds = useApp((s) => s.hiddenParticipantIds);
  const hiddenTeamIds = useApp((s) => s.hiddenTeamIds);
  const all = useApp((s) => s);
  return useMemo(
    () => visibleCurves(all),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `all` changes on every store update; these are what the selector reads.
    [session, view, roundId, drawerId, curtain, blind, revealMode, revealStep, hiddenParticipantIds, hiddenTeamIds],
  );
}
