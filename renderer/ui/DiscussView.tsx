import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, TimePos } from '../domain';
import { ActionsPanel } from './ActionsPanel';
import { CompareChart } from './CompareChart';
import { NotesPanel } from './NotesPanel';
import { RoundPicker } from './RoundPicker';
import { useRoundAnalysis } from './useRoundAnalysis';
import { useVisibleCurves } from './useVisibleCurves';

/** Discuss: pin notes to moments on the curves, capture action items. */
export function DiscussView() {
  const { t } = useTranslation();
  const analysis = useRoundAnalysis();
  const curves = useVisibleCurves();
  const [pickedAt, setPickedAt] = useState<TimePos | null>(null);
  const [selected, setSelected] = useState<Id | null>(null);
  return (
    <div className="discuss">
      <aside className="sidebar sidebar--wide" aria-label={t('compare.notes.title')}>
        <RoundPicker />
        <NotesPanel pickedAt={pickedAt} onPickedHandled={() => setPickedAt(null)} selectedId={selected} onSelect={setSelected} />
      </aside>
      <main className="compare__main">
        <div className="compare__canvas compare__canvas--pick">
          <CompareChart analysis={analysis} curves={curves} label={t('compare.notes.addHint')} mode="discuss" onPick={(at) => setPickedAt(at)} selectedNoteId={selected} />
        </div>
        <ActionsPanel />
      </main>
    </div>
  );
}
