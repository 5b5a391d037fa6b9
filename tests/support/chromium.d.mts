/** Launch flags for Playwright's `launchOptions.args` (Playwright adds `--headless` itself). */
export declare const CHROMIUM_LAUNCH_ARGS: readonly string[];
/** The same flags including `--headless`, for launching the binary directly. */
export declare const CHROMIUM_CLI_ARGS: readonly string[];
export declare const SYSTEM_CHROMIUM_PATHS: readonly string[];
export declare const CHROMIUM_INSTALL_HELP: string;

export declare class ChromiumNotFoundError extends Error {
  constructor(detail?: string);
}

export interface LocatedChromium {
  path: string;
  source: 'WAVELENGTH_CHROMIUM' | 'system' | 'playwright';
}

export declare function locateChromium(env?: NodeJS.ProcessEnv): Promise<LocatedChromium | null>;
export declare function findChromium(env?: NodeJS.ProcessEnv): Promise<string>;
