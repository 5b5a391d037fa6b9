import type { AreaTexts } from './areas';

const en = {};

export const report: AreaTexts<typeof en> = { en, de: {} };
