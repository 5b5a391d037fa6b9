import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, TimePos } from '../domain';
import { ActionsPanel } from './ActionsPanel';
import { CompareChart } from './CompareChart';
import { SceneLegendView } from './Legend';
import { NotesPanel } from './NotesPanel';
import { RoundPicker } from './RoundPicker';
import { useCompareScene } from './useRoundAnalysis';

/** Discuss: pin notes to moments on the curves, capture action items. The chart and its legend are the compare scene's discuss mode. */
export function DiscussView() {
  const { t } = useTranslation();
  const scene = useCompareScene('discuss');
  const [pickedAt, setPickedAt] = useState<TimePos | null>(null);
  const [selected, setSelected] = useState<Id | null>(null);
  return (
    <div className="discuss">
      <aside className="sidebar sidebar--wide" aria-label={t('compare.notes.title')}>
        <RoundPicker />
        <NotesPanel notes={scene.notes} pickedAt={pickedAt} onPickedHandled={() => setPickedAt(null)} selectedId={selected} onSelect={setSelected} />
      </aside>
      <main className="compare__main">
        <div className="compare__canvas compare__canvas--pick">
          <CompareChart scene={scene} label={t('compare.notes.addHint')} onPick={(at) => setPickedAt(at)} selectedNoteId={selected} />
        </div>
        <SceneLegendView legend={scene.legend} />
        <ActionsPanel />
      </main>
    </div>
  );
}
