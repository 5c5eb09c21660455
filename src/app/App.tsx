// The app shell: header, sync status, update prompt, and the routes. Signed-out people see the
// sign-in page; a remembered person keeps working offline even when the server can't be reached.
import type { SessionUser } from '../shared/schemas';
import { SignInPage } from './auth/SignInPage';
import { session } from './auth/session';
import { InstallHint } from './components/InstallHint';
import { Page } from './components/Page';
import { SyncStatus } from './components/SyncStatus';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useObservable } from './lib/observable';
import { currentPath, match } from './lib/router';
import { lazy } from './lib/lazy';
import { databaseReplaced } from './storage/database';
import { MyVisitsPage } from './visits/MyVisitsPage';
import { useVisit } from './visits/queries';

const AreaPage = lazy(() => import('./visits/AreaPage').then((m) => m.AreaPage));
const CheckAnswersPage = lazy(() => import('./visits/CheckAnswersPage').then((m) => m.CheckAnswersPage));
const TaskListPage = lazy(() => import('./visits/TaskListPage').then((m) => m.TaskListPage));
const VisitDetailsPage = lazy(() => import('./visits/VisitDetailsPage').then((m) => m.VisitDetailsPage));
const SignOutPage = lazy(() => import('./auth/SignOutPage').then((m) => m.SignOutPage));
const ProvidersPage = lazy(() => import('./briefings/ProvidersPage').then((m) => m.ProvidersPage));
const BriefingPage = lazy(() => import('./briefings/BriefingPage').then((m) => m.BriefingPage));

/** Loads the visit pages once the first screen is up, so moving between them never waits. */
export function preloadPages(): void {
  for (const page of [TaskListPage, AreaPage, CheckAnswersPage, VisitDetailsPage, SignOutPage, ProvidersPage, BriefingPage]) page.preload();
}

export function App() {
  const state = useObservable(session);
  const path = useObservable(currentPath).split('?')[0] ?? '/';
  const user = state.status === 'signed-in' ? state.user : null;
  const replaced = useObservable(databaseReplaced);
  return (
    <>
      <a class="skip-link" href="#main">Skip to main content</a>
      <header class="header">
        <div class="header-inner">
          <a class="service-name" href="/">QA Visits</a>
          {user && (
            <nav aria-label="Account">
              <span class="who">{user.name}</span> <a href="/sign-out">Sign out</a>
            </nav>
          )}
        </div>
      </header>
      <div class="container">
        {user && <SyncStatus />}
        <UpdatePrompt />
        {user && <InstallHint />}
        {replaced && (
          <div class="notification" role="alert">
            <p><strong>QA Visits was updated in another tab.</strong> Everything you entered is saved. Reload this tab to carry on.</p>
            <button type="button" class="button small" onClick={() => location.reload()}>Reload</button>
          </div>
        )}
        <main id="main" tabIndex={-1}>
          {state.status === 'loading' ? <p>Loading…</p>
            : !user ? <SignInPage />
            : path === '/sign-in' ? <SignInPage returning={user.email} />
            : <Routes user={user} path={path} />}
        </main>
      </div>
    </>
  );
}

function Routes(props: { user: SessionUser; path: string }) {
  const { path, user } = props;
  if (match('/', path)) return <MyVisitsPage user={user} />;
  if (match('/visits/new', path)) return <VisitDetailsPage user={user} />;
  if (match('/sign-out', path)) return <SignOutPage />;
  if (match('/providers', path)) return <ProvidersPage />;
  const briefing = match('/providers/:id/briefing', path);
  if (briefing?.id) return <BriefingPage providerId={briefing.id} />;
  const visitRoute =
    match('/visits/:id', path) ?? match('/visits/:id/details', path) ?? match('/visits/:id/check', path) ?? match('/visits/:id/areas/:section', path);
  if (visitRoute?.id) return <VisitRoutes user={user} path={path} id={visitRoute.id} section={visitRoute.section} />;
  return <NotFound />;
}

function VisitRoutes(props: { user: SessionUser; path: string; id: string; section: string | undefined }) {
  const visit = useVisit(props.id);
  if (visit === undefined) return <p>Loading…</p>;
  if (visit === null || visit.ownerId !== props.user.id) return <NotFound />;
  const base = `/visits/${visit.id}`;
  if (visit.status !== 'draft' || props.path === `${base}/check`) return <CheckAnswersPage visit={visit} />;
  if (props.section) return <AreaPage visit={visit} sectionId={props.section} />;
  if (props.path === `${base}/details`) return <VisitDetailsPage user={props.user} existing={visit} />;
  return <TaskListPage visit={visit} />;
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>If you typed the web address, check it is correct.</p>
      <a href="/">Go to my visits</a>
    </Page>
  );
}
