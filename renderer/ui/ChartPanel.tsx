import { useTranslation } from 'react-i18next';
import { CurveChart, type CurveChartProps } from '../canvas/CurveChart';
import { useApp } from './AppContext';

type Props = Omit<CurveChartProps, 'phases' | 'milestones' | 'handoverId' | 'scale' | 'handoverBadge' | 'drawColor'> & {
  readonly drawColor?: string | null;
};

/** The chart over the session's timeline and scale; extra drawing and input pass straight through. */
export function ChartPanel({ drawColor = null, ...chart }: Props) {
  const { t } = useTranslation();
  const timeline = useApp((s) => s.session.timeline);
  const scale = useApp((s) => s.session.scale);
  return (
    <CurveChart
      {...chart}
      phases={timeline.phases}
      milestones={timeline.milestones}
      handoverId={timeline.handoverId}
      scale={scale}
      drawColor={drawColor}
      handoverBadge={t('chart.handoverBadge')}
    />
  );
}
