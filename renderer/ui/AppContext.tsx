import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';
import { useAppStore, type AppState, type AppStore, type FileContext } from '../state';

export interface AppServices {
  readonly store: AppStore;
  readonly platform: Platform;
  readonly files: FileContext;
  readonly isMac: boolean;
}

const AppServicesContext = createContext<AppServices | null>(null);
export const AppServicesProvider = AppServicesContext.Provider;

export function useServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useServices outside AppServicesProvider');
  return services;
}

/** Read from the app store with a selector. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useAppStore(useServices().store, selector);
}

/**
 * The store's actions, for components that only call them: actions never
 * change, so this subscribes to nothing (a `useApp((s) => s)` would re-render
 * on every store change).
 */
export function useActions(): AppState {
  return useServices().store.getState();
}
