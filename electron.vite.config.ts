import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

// One build for all three targets (electron-vite): main and preload are
// bundled for Node/Electron, the renderer with the same Vite config that the
// browser build (`npm run web`) uses, so both ship the identical bundle.
//
// Main and preload bundle what they import from node_modules (zod for the
// channel table's schemas): the package ships no node_modules, and a
// sandboxed preload can require nothing but 'electron'.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
