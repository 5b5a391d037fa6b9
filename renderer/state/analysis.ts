import { createRoundAnalysisCache } from '../domain';

/**
 * The app's one memoised round analysis: the facilitator's views and the
 * room state read the same object, computed once per round and again only
 * when something the analysis reads changes (DESIGN.md: analysis is memoised
 * per round and recomputed only when curves change).
 */
export const roundAnalysis = createRoundAnalysisCache();
