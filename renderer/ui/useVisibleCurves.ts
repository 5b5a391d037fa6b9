import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { visibleCurves, type VisibleCurve } from '../state';
import { useApp, useServices } from './AppContext';

/** The curves of the current screen, recomputed only when what the selector reads changes. */
export function useVisibleCurves(): VisibleCurve[] {
  const { store } = useServices();
  const inputs = useApp(
    useShallow((s) => [
      s.session,
      s.view,
      s.roundId,
      s.drawerId,
      s.curtain,
      s.blind,
      s.revealMode,
      s.revealStep,
      s.hiddenParticipantIds,
      s.hiddenTeamIds,
    ]),
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `inputs` lists exactly what visibleCurves reads.
  return useMemo(() => visibleCurves(store.getState()), [store, ...inputs]);
}
