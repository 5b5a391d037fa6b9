export * from './store';
export * from './sessionSlice';
export * from './workshopSlice';
export * from './fileSlice';
export * from './selectors';
export * from './fileActions';
export * from './commands';
