import './fonts/inter.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { CHART_FONT_FACES } from './canvas/chartGeometry';
import { createI18n, detectLanguage } from './i18n';
import { choosePlatform } from './platform';
import { createAppStore, startFileServices } from './state';
import { App } from './ui/App';
import { AppServicesProvider, type AppServices } from './ui/AppContext';
import { nativeTexts } from './ui/nativeTexts';
import { PresenterApp } from './ui/presenter/PresenterApp';

// The faces the charts draw text in, asked for at once: a canvas never asks for a font, and a chart made
// before its faces are in is made again when they arrive (CurveChart), at 4K a visible cost.
for (const face of CHART_FONT_FACES) void document.fonts.load(face).catch(() => undefined);

// The UI follows the OS language (Electron passes it through navigator.languages).
const language = detectLanguage();
const i18n = createI18n(language);
const store = createAppStore(language);
const platform = choosePlatform();
const services: AppServices = {
  store,
  platform,
  isMac: /Mac|iPhone|iPad/.test(navigator.platform),
  files: {
    store,
    platform,
    nativeTexts: () => nativeTexts(i18n.t),
    untitledName: () => i18n.t('app.untitledFile'),
  },
};

document.documentElement.lang = language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

// The presenter window (room screen) loads the same page with ?view=presenter.
const isRoomScreen = new URLSearchParams(window.location.search).get('view') === 'presenter';

// The session, its autosave and files from the host belong to the facilitator's window only.
if (!isRoomScreen) startFileServices(services.files);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {isRoomScreen ? (
        <PresenterApp platform={platform} />
      ) : (
        <AppServicesProvider value={services}>
          <App />
        </AppServicesProvider>
      )}
    </I18nextProvider>
  </StrictMode>,
);
