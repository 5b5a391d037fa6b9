declare const __APP_VERSION__: string | undefined;

/** The version from package.json, put in by the build (vite.renderer.config.ts); 'dev' where no build did (unit tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
