import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareOver, CompareUnder, NoteMarkers } from '../canvas/CompareLayers';
import { LAPTOP_STYLE, type ChartStyle } from '../canvas/chartGeometry';
import type { Enthusiasm, TimePos } from '../domain';
import type { CompareScene } from '../scene/compareScene';
import { dropMarkText } from '../scene/sceneText';
import { compareDrawingOf } from '../state';
import type { VisibleCurve } from '../state';
import { useApp } from './AppContext';
import { ChartPanel } from './ChartPanel';

const COMPARE_STYLE: ChartStyle = { ...LAPTOP_STYLE, stripHeight: 56 };

interface Props {
  readonly scene: CompareScene;
  readonly label: string;
  readonly onPick?: (at: TimePos, level: Enthusiasm) => void;
  readonly selectedNoteId?: string | null;
}

/**
 * The chart with the comparison drawn in, all from the compare scene: team
 * lines and bands over the (tinted) individual curves, the target,
 * disagreement spans, the handover drops, the Sales–PS gap strip, the
 * perception lines of an "other team" round, markers and note pins. The
 * room view draws the same drawing (compareDrawingOf) with the same layers.
 */
export function CompareChart({ scene, label, onPick, selectedNoteId = null }: Props) {
  const { t, i18n } = useTranslation();
  const session = useApp((s) => s.session);
  const isCompare = scene.mode === 'compare';
  const drawing = compareDrawingOf(scene);

  // The chart draws participants as the scene says: shown or not, tinted or not.
  const curves = useMemo((): VisibleCurve[] => {
    const people = new Map(session.participants.map((p) => [p.id, p] as const));
    const teams = new Map(session.teams.map((tm) => [tm.id, tm] as const));
    return scene.people.flatMap((p) => {
      const participant = people.get(p.id);
      const team = teams.get(p.teamId);
      if (!p.shown || !participant || !team) return [];
      return [{ participant, team, curve: { participantId: p.id, roundId: scene.roundId, points: p.points }, faded: p.faded }];
    });
  }, [scene, session.participants, session.teams]);
  const markers = useMemo(
    () => scene.people.filter((p) => p.shown).map((p) => ({ key: p.id, color: p.color, marker: p.marker, markerPoints: p.markerPoints, faded: p.faded })),
    [scene],
  );
  const pins = useMemo(
    () => scene.shownNotes.map((n) => ({ key: n.id, number: n.number, at: n.at, kind: n.kind, color: n.color, level: n.level, selected: n.id === selectedNoteId })),
    [scene, selectedNoteId],
  );
  const lang = i18n.language;

  return (
    <ChartPanel
      curves={curves}
      label={label}
      style={isCompare ? COMPARE_STYLE : LAPTOP_STYLE}
      onPick={onPick}
      underlay={(g) => (isCompare ? <CompareUnder geometry={g} drawing={drawing} targetLabel={t('compare.target.label')} /> : null)}
      markers={markers}
      overlay={(g) => (
        <>
          {isCompare && (
            <CompareOver
              geometry={g}
              drawing={drawing}
              dropLabel={(team, drop) => dropMarkText(t, lang, team, drop)}
              gapLabel={(a, b) => t('compare.gap.strip', { a, b })}
            />
          )}
          <NoteMarkers geometry={g} notes={pins} />
        </>
      )}
    />
  );
}
