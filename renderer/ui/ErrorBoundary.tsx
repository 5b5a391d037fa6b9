import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findCommand } from '../state';
import { useApp, useServices } from './AppContext';

interface BoundaryProps {
  readonly children: ReactNode;
  /** What to show instead once a child failed; `retry` draws the children again. */
  readonly fallback: (error: Error, retry: () => void) => ReactNode;
  /** When any of these changes (another step, another session), the children get another try. */
  readonly resetKeys: readonly unknown[];
}

interface BoundaryState {
  readonly error: Error | null;
  readonly keys: readonly unknown[];
}

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((k, i) => Object.is(k, b[i]));

/**
 * Catches an error thrown while drawing its children (render, effects, a
 * Konva stage that can't get a canvas), so one failing part of the app says
 * so instead of emptying the whole window (issue 9). React offers this only
 * as a class component.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return sameKeys(props.resetKeys, state.keys) ? null : { error: null, keys: props.resetKeys };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // React reports it to the console as well; this names where, for whoever reads the log.
    console.warn('A part of Wavelength failed and shows a message instead.', error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}

/** The short reason shown in a fallback: the error's own message, bounded. */
function detailOf(error: Error): string {
  const text = error.message || error.name || String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * A step of the workshop (or the start screen) that failed: says so, keeps
 * the session (it lives in the store, not in the view), offers Save through
 * the command table, and lets the step try again. The top bar stays outside
 * the boundary, so the other steps keep working.
 */
function ViewFallback({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  const { files } = useServices();
  const save = findCommand('file.save');
  return (
    <div className="view-failed" role="alert" data-testid="view-failed">
      <div className="card view-failed__box">
        <h2>{t('safety.boundary.title')}</h2>
        <p>{t('safety.boundary.lead', { detail: detailOf(error) })}</p>
        <div className="row-buttons">
          <button type="button" className="btn btn--primary" onClick={() => void save.run(files)}>
            {t('safety.boundary.save')}
          </button>
          <button type="button" className="btn" onClick={retry}>
            {t('safety.boundary.retry')}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The boundary around the current step of the workshop. It tries again when
 * the step, the round or the session changes (an undo can take back what
 * made it fail), so it reads those here, in a small component of its own:
 * `children` keep their identity and are not re-rendered by it.
 */
export function ViewBoundary({ children }: { children: ReactNode }) {
  const view = useApp((s) => s.view);
  const roundId = useApp((s) => s.roundId);
  const session = useApp((s) => s.session);
  return (
    <ErrorBoundary resetKeys={[view, roundId, session]} fallback={(error, retry) => <ViewFallback error={error} retry={retry} />}>
      {children}
    </ErrorBoundary>
  );
}

/** The last resort around the whole facilitator window: still offers Save. */
export function AppBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary resetKeys={[]} fallback={(error, retry) => <ViewFallback error={error} retry={retry} />}>
      {children}
    </ErrorBoundary>
  );
}

/** What the room screen shows when its view failed: the retro itself is in the facilitator's window. */
export function RoomFallback({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div className="room room--failed" role="alert" data-testid="room-failed">
      <div className="room__card-box">
        <p className="room__card-title">{t('safety.boundary.room')}</p>
        <p className="room__card-detail">{t('safety.boundary.roomLead')}</p>
        <p className="room__card-detail">{detailOf(error)}</p>
      </div>
    </div>
  );
}
