import type { AreaTexts } from './areas';

const en = {};

export const presenter: AreaTexts<typeof en> = { en, de: {} };
