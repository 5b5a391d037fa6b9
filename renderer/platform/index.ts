import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';

export type { Platform } from './platform';

/** Called once at start-up: Electron when the preload put its API on window, else the browser. */
export function choosePlatform(): Platform {
  const api = window.wavelength;
  return api ? createElectronPlatform(api) : createBrowserPlatform(window);
}
