import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config';

// The renderer as a plain web page (`npm run web`): same config as the Electron renderer.
export default defineConfig({ ...rendererConfig, preview: { port: 4173, strictPort: false } });
