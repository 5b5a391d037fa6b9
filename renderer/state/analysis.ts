import { createRoundAnalysisCache, type Id, type Session } from '../domain';
import { buildCompareScene, type CompareScene, type SceneSwitches } from '../scene/compareScene';
import type { CompareDisplay } from './workshopSlice';

/**
 * The app's one memoised round analysis: the facilitator's views and the
 * room state read the same object, computed once per round and again only
 * when something the analysis reads changes (DESIGN.md: analysis is memoised
 * per round and recomputed only when curves change). Rounds are analysed
 * lazily, when a view or the room shows them.
 */
export const roundAnalysis = createRoundAnalysisCache();

/** What the compare scene is made from, as the store holds it. */
export interface SceneInputs {
  readonly session: Session;
  readonly roundId: Id;
  readonly compareDisplay: CompareDisplay;
  readonly hiddenTeamIds: readonly Id[];
  readonly hiddenParticipantIds: readonly Id[];
  readonly highlightId: Id | null;
}

const KEYS = ['session', 'roundId', 'compareDisplay', 'hiddenTeamIds', 'hiddenParticipantIds', 'highlightId'] as const;
const last = new Map<SceneSwitches['mode'], { inputs: SceneInputs; scene: CompareScene }>();

/**
 * The compare scene of the current round, memoised per mode on the store's
 * (immutable) parts it is made from: the compare view, its panels and the
 * room state ask for it many times per change and get the same object, and
 * every one of them shows the same figures.
 */
export function compareSceneOf(state: SceneInputs, mode: SceneSwitches['mode']): CompareScene {
  const hit = last.get(mode);
  if (hit && KEYS.every((k) => hit.inputs[k] === state[k])) return hit.scene;
  const { session, roundId, compareDisplay, hiddenTeamIds, hiddenParticipantIds, highlightId } = state;
  const scene = buildCompareScene(session, roundId, roundAnalysis, {
    mode,
    ...compareDisplay,
    hiddenTeamIds,
    hiddenParticipantIds,
    highlightId,
  });
  last.set(mode, { inputs: { session, roundId, compareDisplay, hiddenTeamIds, hiddenParticipantIds, highlightId }, scene });
  return scene;
}
