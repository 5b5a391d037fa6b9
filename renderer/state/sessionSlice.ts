import type { StateCreator } from 'zustand';
import * as edit from '../domain/edits';
import type {
  ActionItem,
  AnalysisSettings,
  Id,
  Milestone,
  Note,
  Participant,
  Project,
  Round,
  RoundKind,
  Scale,
  Session,
  StrokeSample,
  TargetCurve,
  Team,
  TimePos,
} from '../domain';
import type { AppState } from './store';

/**
 * The document: everything that is saved in the file and undone by undo.
 * Each action hands the current session to a pure domain edit.
 */
export interface SessionSlice {
  session: Session;
  updateProject(patch: Partial<Project>): void;
  updateScale(patch: Partial<Scale>): void;
  addPhase(name: string, index?: number): void;
  removePhase(id: Id): void;
  renamePhase(id: Id, name: string): void;
  resizePhase(id: Id, width: number): void;
  movePhase(id: Id, delta: -1 | 1): void;
  addMilestone(name: string, at: TimePos): void;
  updateMilestone(id: Id, patch: Partial<Omit<Milestone, 'id'>>): void;
  removeMilestone(id: Id): void;
  setHandover(id: Id | null): void;
  addTeam(name: string): void;
  updateTeam(id: Id, patch: Partial<Omit<Team, 'id'>>): void;
  removeTeam(id: Id): void;
  addParticipant(name: string, teamId: Id): void;
  updateParticipant(id: Id, patch: Partial<Omit<Participant, 'id'>>): void;
  removeParticipant(id: Id): void;
  drawStroke(participantId: Id, stroke: readonly StrokeSample[]): void;
  setCurveFromValues(participantId: Id, anchors: readonly TimePos[], values: readonly (number | null)[]): void;
  clearCurve(participantId: Id): void;
  /** Adds a round and makes it the current one. */
  addRound(kind: RoundKind, question: string): void;
  updateRound(id: Id, patch: Partial<Omit<Round, 'id'>>): void;
  removeRound(id: Id): void;
  updateTarget(patch: Partial<TargetCurve>): void;
  updateAnalysisSettings(patch: Partial<AnalysisSettings>): void;
  /** Adds a note in the current round. */
  addNote(note: Omit<Note, 'id' | 'roundId'>): void;
  updateNote(id: Id, patch: Partial<Omit<Note, 'id' | 'roundId'>>): void;
  removeNote(id: Id): void;
  addAction(action: Omit<ActionItem, 'id' | 'done'>): void;
  updateAction(id: Id, patch: Partial<Omit<ActionItem, 'id'>>): void;
  removeAction(id: Id): void;
}

export const createSessionSlice =
  (initial: Session): StateCreator<AppState, [['temporal', unknown]], [], SessionSlice> =>
  (set) => {
    const apply = (f: (s: Session) => Session) =>
      set((state) => {
        const next = f(state.session);
        return next === state.session ? state : { session: next };
      });
    return {
      session: initial,
      updateProject: (patch) => apply((s) => edit.updateProject(s, patch)),
      updateScale: (patch) => apply((s) => edit.updateScale(s, patch)),
      addPhase: (name, index) => apply((s) => edit.addPhase(s, name, index)),
      removePhase: (id) => apply((s) => edit.removePhase(s, id)),
      renamePhase: (id, name) => apply((s) => edit.renamePhase(s, id, name)),
      resizePhase: (id, width) => apply((s) => edit.resizePhase(s, id, width)),
      movePhase: (id, delta) => apply((s) => edit.movePhase(s, id, delta)),
      addMilestone: (name, at) => apply((s) => edit.addMilestone(s, name, at)),
      updateMilestone: (id, patch) => apply((s) => edit.updateMilestone(s, id, patch)),
      removeMilestone: (id) => apply((s) => edit.removeMilestone(s, id)),
      setHandover: (id) => apply((s) => edit.setHandover(s, id)),
      addTeam: (name) => apply((s) => edit.addTeam(s, name)),
      updateTeam: (id, patch) => apply((s) => edit.updateTeam(s, id, patch)),
      removeTeam: (id) => apply((s) => edit.removeTeam(s, id)),
      addParticipant: (name, teamId) => apply((s) => edit.addParticipant(s, name, teamId)),
      updateParticipant: (id, patch) => apply((s) => edit.updateParticipant(s, id, patch)),
      removeParticipant: (id) => apply((s) => edit.removeParticipant(s, id)),
      drawStroke: (participantId, stroke) =>
        set((state) => {
          const next = edit.drawStroke(state.session, participantId, state.roundId, stroke);
          return next === state.session ? state : { session: next };
        }),
      setCurveFromValues: (participantId, anchors, values) =>
        set((state) => ({ session: edit.setCurveFromValues(state.session, participantId, state.roundId, anchors, values) })),
      addRound: (kind, question) =>
        set((state) => {
          const session = edit.addRound(state.session, kind, question);
          return { session, roundId: session.rounds[session.rounds.length - 1]!.id, revealStep: 0, drawerId: null, curtain: false };
        }),
      updateRound: (id, patch) => apply((s) => edit.updateRound(s, id, patch)),
      removeRound: (id) =>
        set((state) => {
          const session = edit.removeRound(state.session, id);
          if (session === state.session) return state;
          const roundId = session.rounds.some((r) => r.id === state.roundId) ? state.roundId : session.rounds[0]!.id;
          return { session, roundId };
        }),
      updateTarget: (patch) => apply((s) => edit.updateTarget(s, patch)),
      updateAnalysisSettings: (patch) => apply((s) => edit.updateAnalysisSettings(s, patch)),
      addNote: (note) => set((state) => ({ session: edit.addNote(state.session, { ...note, roundId: state.roundId }) })),
      updateNote: (id, patch) => apply((s) => edit.updateNote(s, id, patch)),
      removeNote: (id) => apply((s) => edit.removeNote(s, id)),
      addAction: (action) => apply((s) => edit.addAction(s, action)),
      updateAction: (id, patch) => apply((s) => edit.updateAction(s, id, patch)),
      removeAction: (id) => apply((s) => edit.removeAction(s, id)),
      clearCurve: (participantId) =>
        set((state) => {
          const next = edit.clearCurve(state.session, participantId, state.roundId);
          return next === state.session ? state : { session: next };
        }),
    };
  };
