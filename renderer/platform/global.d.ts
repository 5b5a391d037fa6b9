import type { WavelengthApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer runs as a plain web page. */
    wavelength?: WavelengthApi;
  }
}

export {};
