import { useTranslation } from 'react-i18next';
import { useApp } from './AppContext';
import { CompareView } from './CompareView';
import { DiscussView } from './DiscussView';
import { DrawView } from './DrawView';
import { NoticeBanner } from './NoticeBanner';
import { PresentMode } from './presenter/PresentMode';
import { RecoveryOffer } from './RecoveryOffer';
import { usePresenterSync } from './presenter/usePresenterSync';
import { RevealView } from './RevealView';
import { SetupView } from './SetupView';
import { StartScreen } from './StartScreen';
import { TopBar } from './TopBar';
import { useAppWiring } from './useAppWiring';

export function App() {
  useAppWiring();
  usePresenterSync();
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const showStart = useApp((s) => s.showStart);
  const presenting = useApp((s) => s.presenting);
  return (
    <div className="app">
      <TopBar />
      <NoticeBanner />
      {!showStart && <RecoveryOffer variant="bar" />}
      <div className="view" aria-label={t(`views.${view}`)} role="region">
        {view === 'setup' && <SetupView />}
        {view === 'draw' && <DrawView />}
        {view === 'reveal' && <RevealView />}
        {view === 'compare' && <CompareView />}
        {view === 'discuss' && <DiscussView />}
      </div>
      {showStart && <StartScreen />}
      {presenting && <PresentMode />}
    </div>
  );
}
