import type { StateCreator } from 'zustand';
import type { Id } from '../domain';
import type { AppState } from './store';

export type View = 'setup' | 'draw' | 'reveal' | 'compare' | 'discuss';
export type RevealMode = 'all' | 'team' | 'oneByOne';
export type Language = 'de' | 'en';

/** What the compare chart shows besides the team means. */
export interface CompareDisplay {
  readonly individuals: boolean;
  readonly bands: boolean;
  readonly spans: boolean;
  readonly notes: boolean;
}

/**
 * How the workshop is run right now: which screen, who draws, how much is
 * revealed. Not part of the file and not undone by undo.
 */
export interface WorkshopSlice {
  view: View;
  roundId: Id;
  /** Who is drawing; null while the facilitator picks the next person. */
  drawerId: Id | null;
  /** The curtain hides the canvas between two people, so nobody sees the last curve. */
  curtain: boolean;
  /** Blind drawing: the drawer sees only their own curve. On by default. */
  blind: boolean;
  revealMode: RevealMode;
  /** How many reveal groups are shown (0 = nothing yet). */
  revealStep: number;
  hiddenParticipantIds: readonly Id[];
  hiddenTeamIds: readonly Id[];
  language: Language;
  /** A participant or team the facilitator picked in the compare view; drawn emphasised. */
  highlightId: Id | null;
  compareDisplay: CompareDisplay;
  /** The start screen (new, open, samples) is shown over a fresh app. */
  showStart: boolean;
  setShowStart(show: boolean): void;
  setCompareDisplay(patch: Partial<CompareDisplay>): void;
  setView(view: View): void;
  /** Switch to another round; reveal starts over there. */
  selectRound(roundId: Id): void;
  setHighlight(id: Id | null): void;
  /** Hand the pen to a participant: the curtain goes up first. */
  startDrawing(participantId: Id): void;
  dismissCurtain(): void;
  /** Done drawing: the curtain comes down and the picker is shown. */
  finishDrawing(): void;
  setBlind(blind: boolean): void;
  setRevealMode(mode: RevealMode): void;
  setRevealStep(step: number): void;
  toggleParticipantHidden(id: Id): void;
  toggleTeamHidden(id: Id): void;
  setLanguage(language: Language): void;
}

const toggle = (list: readonly Id[], id: Id) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

export const createWorkshopSlice =
  (roundId: Id, language: Language): StateCreator<AppState, [['temporal', unknown]], [], WorkshopSlice> =>
  (set) => ({
    view: 'setup',
    roundId,
    drawerId: null,
    curtain: false,
    blind: true,
    revealMode: 'all',
    revealStep: 0,
    hiddenParticipantIds: [],
    hiddenTeamIds: [],
    language,
    highlightId: null,
    showStart: true,
    setShowStart: (showStart) => set({ showStart }),
    compareDisplay: { individuals: true, bands: true, spans: true, notes: true },
    setCompareDisplay: (patch) => set((s) => ({ compareDisplay: { ...s.compareDisplay, ...patch } })),
    selectRound: (roundId) => set({ roundId, revealStep: 0, drawerId: null, curtain: false, highlightId: null }),
    setHighlight: (highlightId) => set({ highlightId }),
    setView: (view) => set({ view, drawerId: null, curtain: false }),
    startDrawing: (participantId) => set({ drawerId: participantId, curtain: true }),
    dismissCurtain: () => set({ curtain: false }),
    finishDrawing: () => set({ drawerId: null, curtain: false }),
    setBlind: (blind) => set({ blind }),
    setRevealMode: (revealMode) => set({ revealMode, revealStep: 0 }),
    setRevealStep: (revealStep) => set({ revealStep: Math.max(0, Math.floor(revealStep)) }),
    toggleParticipantHidden: (id) => set((s) => ({ hiddenParticipantIds: toggle(s.hiddenParticipantIds, id) })),
    toggleTeamHidden: (id) => set((s) => ({ hiddenTeamIds: toggle(s.hiddenTeamIds, id) })),
    setLanguage: (language) => set({ language }),
  });
