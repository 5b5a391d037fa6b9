/** Chart colours: neutral, so the Okabe–Ito participant colours carry the meaning. */
export const CHART_COLORS = {
  background: '#ffffff',
  band: '#f1f4f8',
  grid: '#dde3ea',
  gridMid: '#b9c3cf',
  axisText: '#3d4a5c',
  phaseText: '#1f2a37',
  milestone: '#7b8794',
  handover: '#b3261e',
} as const;
