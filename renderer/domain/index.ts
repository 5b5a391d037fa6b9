// Public surface of the domain: pure TypeScript, no React, Konva, DOM or Electron.
export * from './units';
export * from './text';
export * from './session';
export * from './ids';
export * from './timeline';
export * from './curve';
export * from './closePoints';
export * from './monotone';
export * from './template';
export * from './sessionFile';
export * from './edits';
export * from './analysisTypes';
export * from './analysis';
export * from './analysisCache';
export * from './perception';
export * from './csv';
