import { useTranslation } from 'react-i18next';
import { CurveChart } from '../canvas/CurveChart';
import type { StrokeSample } from '../domain';
import type { VisibleCurve } from '../state';
import { useApp } from './AppContext';

interface Props {
  readonly curves: readonly VisibleCurve[];
  readonly label: string;
  readonly drawColor?: string | null;
  readonly onStroke?: (stroke: StrokeSample[]) => void;
}

/** The chart over the session's timeline and scale. */
export function ChartPanel({ curves, label, drawColor = null, onStroke }: Props) {
  const { t } = useTranslation();
  const timeline = useApp((s) => s.session.timeline);
  const scale = useApp((s) => s.session.scale);
  return (
    <CurveChart
      phases={timeline.phases}
      milestones={timeline.milestones}
      handoverId={timeline.handoverId}
      scale={scale}
      curves={curves}
      drawColor={drawColor}
      onStroke={onStroke}
      handoverBadge={t('chart.handoverBadge')}
      label={label}
    />
  );
}
