import type { AreaTexts } from './areas';

const en = {};

export const compare: AreaTexts<typeof en> = { en, de: {} };
