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

/**
 * Team colours for the team lines and bands: dark shades by role that no
 * participant can have (the participant palette is Okabe–Ito's eight
 * colours; a test keeps the two apart), so a thick team line is never
 * mistaken for a person. Blue, rust, green and violet stay apart for the
 * common colour-vision deficiencies, and teams also differ by line style.
 */
export const TEAM_ROLE_COLORS = {
  sales: '#1B3A6B',
  ps: '#8B2500',
  customer: '#1E5631',
  other: '#5B2A86',
} as const;

/** The halo under every team line (white), so it reads as another kind of line than a person's, on any screen. */
export const TEAM_LINE_HALO = '#ffffff';

export const TARGET_COLOR = '#1f2a37';
export const SPAN_COLOR = '#E69F00';

/** The colours ChartBackground paints with; a ChartStyle may bring its own set. */
export type ChartColors = { readonly [K in keyof typeof CHART_COLORS]: string };

/**
 * The room screen's colours: projectors wash out light greys, so bands,
 * grid and text are darker and stronger than on the laptop, still on white
 * (dark backgrounds lose the dark Okabe–Ito colours and black).
 */
export const HIGH_CONTRAST_COLORS: ChartColors = {
  background: '#ffffff',
  band: '#e4e9f0',
  grid: '#9aa6b4',
  gridMid: '#4d5a6b',
  axisText: '#000000',
  phaseText: '#000000',
  milestone: '#3d4a5c',
  handover: '#a1140c',
};

/** Outline under every curve on the room screen, so light colours (yellow, sky blue) stand out on white. */
export const HIGH_CONTRAST_CASING = '#1b2430';
