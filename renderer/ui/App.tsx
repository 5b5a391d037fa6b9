import { useTranslation } from 'react-i18next';
import { useApp, useServices } from './AppContext';
import './desktop.css';
import { HelpDialog } from './HelpDialog';
import { useFileDrop } from './useFileDrop';
import { CompareView } from './CompareView';
import { DiscussView } from './DiscussView';
import { DrawView } from './DrawView';
import { AppBoundary, ViewBoundary } from './ErrorBoundary';
import { NoticeBanner } from './NoticeBanner';
import { PresentMode } from './presenter/PresentMode';
import { RecoveryOffer } from './RecoveryOffer';
import { usePresenterSync } from './presenter/usePresenterSync';
import { RevealView } from './RevealView';
import { SetupView } from './SetupView';
import { StartScreen } from './StartScreen';
import { TopBar } from './TopBar';
import { useAppWiring } from './useAppWiring';

/**
 * The facilitator's window. Each step of the workshop, the start screen and
 * the present mode have an error boundary of their own: one that fails says
 * so and offers to save, while the top bar and the other steps keep working.
 */
export function App() {
  return (
    <AppBoundary>
      <Workshop />
    </AppBoundary>
  );
}

function Workshop() {
  useAppWiring();
  usePresenterSync();
  const { t } = useTranslation();
  const view = useApp((s) => s.view);
  const showStart = useApp((s) => s.showStart);
  const presenting = useApp((s) => s.presenting);
  const { files } = useServices();
  // Not while presenting: the room view is on screen, and a drop there would replace what the room sees.
  const dragging = useFileDrop(files, !presenting);
  return (
    <div className="app">
      <TopBar />
      <NoticeBanner />
      {!showStart && <RecoveryOffer variant="bar" />}
      <div className="view" aria-label={t(`views.${view}`)} role="region">
        <ViewBoundary>
          {view === 'setup' && <SetupView />}
          {view === 'draw' && <DrawView />}
          {view === 'reveal' && <RevealView />}
          {view === 'compare' && <CompareView />}
          {view === 'discuss' && <DiscussView />}
        </ViewBoundary>
      </div>
      {showStart && (
        <ViewBoundary>
          <StartScreen />
        </ViewBoundary>
      )}
      {presenting && <PresentMode />}
      <HelpDialog />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          <span>{t('desktop.drop.hint')}</span>
        </div>
      )}
    </div>
  );
}
