import '../fonts/inter.css';
import '../ui/app.css';
import '../ui/timer/timer.css';
import './participant.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { JOIN_KEY_PARAM } from '../../shared/room-protocol';
import { createI18n, detectLanguage } from '../i18n';
import { connectRoom } from './connection';
import { ParticipantApp } from './ParticipantApp';
import { createDeviceStorage } from './storage';
import { createDeviceStore } from './store';

// The participant page (served by the room server to phones and laptops on
// the LAN). It speaks the device's own language, not the facilitator's.
const language = detectLanguage();
const i18n = createI18n(language);
document.documentElement.lang = language;

const storage = createDeviceStorage(window.location.host, window.localStorage, window.sessionStorage);
// The join link's secret arrives in the fragment; keep it for this tab and take it out of the address bar,
// so a screenshot or a shared tab does not pass it on.
const key = new URLSearchParams(window.location.hash.slice(1)).get(JOIN_KEY_PARAM);
if (key) {
  // A new link is a new invitation: it wins over a token from an earlier room on this address.
  if (storage.key() !== key) storage.setToken(null);
  storage.setKey(key);
  history.replaceState(null, '', window.location.pathname);
}
const store = createDeviceStore();
const connection = connectRoom(window, store, storage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ParticipantApp services={{ store, connection, storage }} />
    </I18nextProvider>
  </StrictMode>,
);
