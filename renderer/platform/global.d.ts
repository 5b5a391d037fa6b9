import type { AnyRoleApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload, its window role's part of the channel table; absent when the renderer runs as a plain web page. */
    wavelength?: AnyRoleApi;
  }
}

export {};
