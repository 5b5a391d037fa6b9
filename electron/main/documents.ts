import type { DocumentState } from '../../shared/contract';

/**
 * What each window's renderer last said about its session (title, unsaved
 * changes), keyed by the window's webContents id. The close guard reads it;
 * nothing else in main interprets it.
 */
export class WindowDocuments {
  private readonly states = new Map<number, DocumentState>();

  set(contentsId: number, state: DocumentState): void {
    this.states.set(contentsId, { ...state });
  }

  isDirty(contentsId: number): boolean {
    return this.states.get(contentsId)?.dirty ?? false;
  }

  markClean(contentsId: number): void {
    const state = this.states.get(contentsId);
    if (state) state.dirty = false;
  }

  forget(contentsId: number): void {
    this.states.delete(contentsId);
  }
}
