import { timePos } from '../../renderer/domain';

/** The small timeline the canvas tests draw on: two phases, the handover between them. */
export const phases = [
  { id: 'a', name: 'Sales', width: 1 },
  { id: 'b', name: 'Delivery', width: 1 },
];
export const milestones = [{ id: 'h', name: 'Handover', at: timePos(0.5) }];
export const scale = { low: 'disappointed', mid: 'satisfied', high: 'thrilled' };

/** The fixture as CurveChart's timeline props. */
export const timelineProps = { phases, milestones, handoverId: 'h', scale } as const;
