// The app shell: header, sync status, update prompt, and the routes. Signed-out people see the
// sign-in page; a remembered person keeps working offline even when the server can't be reached.
// While the app is locked (issue 14) only the lock screen is shown, or the sign-in page for
// someone else: no other view stays mounted, so none of the person's data is in the page.
import type { SessionUser } from '../shared/auth/schema';
import { SignInPage } from './auth/SignInPage';
import { session } from './auth/session';
import { InstallHint } from './components/InstallHint';
import { Page } from './components/Page';
import { SyncStatus } from './sync/SyncStatus';
import { UpdatePrompt } from './components/UpdatePrompt';
import { useObservable } from './lib/observable';
import { currentPath, match, queryParams } from './lib/router';
import { lazy } from './lib/lazy';
import { canUseOffice, OFFICE_IMPORT_PATH, OFFICE_PATH } from './office/access';
import { databaseReplaced } from './storage/database';
import { storageNearlyFull } from './device/storage-usage';
import { MyVisitsPage } from './records/MyVisitsPage';
import { useVisit } from './records/queries';
import { vaultState } from './crypto/vault';
import { wipedAfterTries } from './lock/lock';

const AreaPage = lazy(() => import('./records/AreaPage').then((m) => m.AreaPage));
const CheckAnswersPage = lazy(() => import('./records/CheckAnswersPage').then((m) => m.CheckAnswersPage));
const SubmittedPage = lazy(() => import('./records/SubmittedPage').then((m) => m.SubmittedPage));
const TaskListPage = lazy(() => import('./records/TaskListPage').then((m) => m.TaskListPage));
const VisitDetailsPage = lazy(() => import('./records/VisitDetailsPage').then((m) => m.VisitDetailsPage));
const JudgementPage = lazy(() => import('./records/JudgementPage').then((m) => m.JudgementPage));
const HistoryPage = lazy(() => import('./records/HistoryPage').then((m) => m.HistoryPage));
const ConflictPage = lazy(() => import('./records/ConflictPage').then((m) => m.ConflictPage));
const SignaturesPage = lazy(() => import('./evidence/SignaturesPage').then((m) => m.SignaturesPage));
const AuditFeedbackPage = lazy(() => import('./records/AuditFeedbackPage').then((m) => m.AuditFeedbackPage));
const EarlierActionsPage = lazy(() => import('./actions/EarlierActionsPage').then((m) => m.EarlierActionsPage));
const ReviewPage = lazy(() => import('./records/ReviewPage').then((m) => m.ReviewPage));
const StoragePage = lazy(() => import('./device/StoragePage').then((m) => m.StoragePage));
const DeadlinesPage = lazy(() => import('./deadlines/DeadlinesPage').then((m) => m.DeadlinesPage));
const ActionsPage = lazy(() => import('./actions/ActionsPage').then((m) => m.ActionsPage));
const PracticeDetailsPage = lazy(() => import('./records/PracticeDetailsPage').then((m) => m.PracticeDetailsPage));
const SignOutPage = lazy(() => import('./auth/SignOutPage').then((m) => m.SignOutPage));
const LockPage = lazy(() => import('./lock/LockPage').then((m) => m.LockPage));
const ChoosePinPage = lazy(() => import('./lock/ChoosePinPage').then((m) => m.ChoosePinPage));
const ProvidersPage = lazy(() => import('./briefings/ProvidersPage').then((m) => m.ProvidersPage));
const BriefingPage = lazy(() => import('./briefings/BriefingPage').then((m) => m.BriefingPage));
// Office pages (QA and managers, online): never preloaded, so the field app does not carry them.
const ProviderOfficePage = lazy(() => import('./office/ProviderOfficePage').then((m) => m.ProviderOfficePage));
const ImportPage = lazy(() => import('./office/ImportPage').then((m) => m.ImportPage));
const OfficeHomePage = lazy(() => import('./office/OfficeHomePage').then((m) => m.OfficeHomePage));
const RegisterPage = lazy(() => import('./office/RegisterPage').then((m) => m.RegisterPage));
const InboxPage = lazy(() => import('./office/InboxPage').then((m) => m.InboxPage));
const ActionsTrackerPage = lazy(() => import('./actions/ActionsTrackerPage').then((m) => m.ActionsTrackerPage));
const QuarterlyReportPage = lazy(() => import('./reports/QuarterlyReportPage').then((m) => m.QuarterlyReportPage));
const RecordReportPage = lazy(() => import('./reports/RecordReportPage').then((m) => m.RecordReportPage));

/** Loads the visit pages once the first screen is up, so moving between them never waits. */
export function preloadPages(): void {
  for (const page of [
    TaskListPage,
    AreaPage,
    CheckAnswersPage,
    SubmittedPage,
    VisitDetailsPage,
    PracticeDetailsPage,
    JudgementPage,
    ActionsPage,
    SignOutPage,
    LockPage,
    ProvidersPage,
    BriefingPage,
  ])
    page.preload();
}

export function App() {
  const state = useObservable(session);
  const path = useObservable(currentPath).split('?')[0] ?? '/';
  const signedIn = state.status === 'signed-in' ? state.user : null;
  const vault = useObservable(vaultState);
  const locked = signedIn !== null && (vault.status !== 'unlocked' || vault.userId !== signedIn.id);
  // Everything below that shows the person's data needs `user`: null while locked.
  const user = locked ? null : signedIn;
  const replaced = useObservable(databaseReplaced);
  const nearlyFull = useObservable(storageNearlyFull);
  const wiped = useObservable(wipedAfterTries);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="header">
        <div class="header-inner">
          <a class="service-name" href="/">
            QA Visits
          </a>
          {user && (
            <nav aria-label="Account">
              {canUseOffice(user.role) && (
                <>
                  <a class="header-link" href={OFFICE_PATH}>
                    Office
                  </a>{' '}
                </>
              )}
              <span class="who">{user.name}</span> <a href="/sign-out">Sign out</a>
            </nav>
          )}
        </div>
      </header>
      <div class="container">
        {user && <SyncStatus />}
        <UpdatePrompt />
        {user && <InstallHint />}
        {user && nearlyFull && path !== '/storage' && (
          <div class="notification" role="status">
            <p>
              <strong>This device is nearly full.</strong> New photos may not fit.{' '}
              <a href="/storage">See what uses the space</a>.
            </p>
          </div>
        )}
        {replaced && (
          <div class="notification" role="alert">
            <p>
              <strong>QA Visits was updated in another tab.</strong> Everything you entered is saved. Reload this tab to
              carry on.
            </p>
            <button type="button" class="button small" onClick={() => location.reload()}>
              Reload
            </button>
          </div>
        )}
        {wiped !== null && !signedIn && (
          <div class="notification" role="alert">
            <p>
              <strong>This device's QA Visits data was wiped</strong> after {wiped} wrong unlock tries. Sign in to carry
              on; work already sent to the council is safe.
            </p>
          </div>
        )}
        <main id="main" tabIndex={-1}>
          {state.status === 'loading' ? (
            <p>Loading…</p>
          ) : signedIn && locked ? (
            path === '/sign-in' ? (
              <SignInPage />
            ) : (
              <LockPage user={signedIn} />
            )
          ) : !user ? (
            <SignInPage />
          ) : path === '/sign-in' ? (
            <SignInPage returning={user.email} />
          ) : path === OFFICE_PATH || path.startsWith(`${OFFICE_PATH}/`) ? (
            <OfficeRoutes user={user} path={path} />
          ) : (
            <Routes user={user} path={path} />
          )}
        </main>
      </div>
    </>
  );
}

function Routes(props: { user: SessionUser; path: string }) {
  const { path, user } = props;
  if (match('/', path)) return <MyVisitsPage user={user} />;
  if (match('/visits/new', path)) return <VisitDetailsPage user={user} />;
  if (match('/observations/new', path)) return <PracticeDetailsPage user={user} kind="observation" />;
  if (match('/audits/new', path)) return <PracticeDetailsPage user={user} kind="audit" />;
  if (match('/sign-out', path)) return <SignOutPage />;
  if (match('/choose-pin', path)) return <ChoosePinPage />;
  if (match('/deadlines', path)) return <DeadlinesPage />;
  if (match('/storage', path)) return <StoragePage />;
  const review = match('/review/:id', path);
  if (review?.id) return <ReviewPage id={review.id} />;
  if (match('/providers', path)) return <ProvidersPage />;
  const briefing = match('/providers/:id/briefing', path);
  if (briefing?.id) return <BriefingPage providerId={briefing.id} />;
  const visitRoute =
    match('/visits/:id', path) ??
    match('/visits/:id/details', path) ??
    match('/visits/:id/check', path) ??
    match('/visits/:id/submitted', path) ??
    match('/visits/:id/areas/:section', path) ??
    match('/visits/:id/judgement', path) ??
    match('/visits/:id/actions', path) ??
    match('/visits/:id/history', path) ??
    match('/visits/:id/conflict', path) ??
    match('/visits/:id/earlier-actions', path) ??
    match('/visits/:id/signatures', path) ??
    match('/visits/:id/feedback', path);
  if (visitRoute?.id) return <VisitRoutes user={user} path={path} id={visitRoute.id} section={visitRoute.section} />;
  return <NotFound />;
}

/** Office pages (managers and QA, online): loaded only when opened, so the field app does not carry them. */
function OfficeRoutes(props: { user: SessionUser; path: string }) {
  const { path, user } = props;
  if (!canUseOffice(user.role)) return <NoAccess />;
  if (match(OFFICE_PATH, path)) return <OfficeHomePage />;
  if (match(OFFICE_IMPORT_PATH, path)) return <ImportPage user={user} />;
  if (match('/office/providers', path)) return <RegisterPage />;
  const provider = match('/office/providers/:id', path);
  if (provider?.id) return <ProviderOfficePage providerId={provider.id} />;
  if (match('/office/inbox', path)) return <InboxPage query={location.search} />;
  if (match('/office/actions', path)) return <ActionsTrackerPage />;
  if (match('/office/reports/quarterly', path))
    return <QuarterlyReportPage quarterKey={queryParams().get('quarter')} />;
  const record = match('/office/records/:id', path);
  if (record?.id) return <RecordReportPage id={record.id} />;
  return <NotFound />;
}

function VisitRoutes(props: { user: SessionUser; path: string; id: string; section: string | undefined }) {
  const visit = useVisit(props.id);
  if (visit === undefined) return <p>Loading…</p>;
  if (visit === null || visit.ownerId !== props.user.id) return <NotFound />;
  const base = `/visits/${visit.id}`;
  if (props.path === `${base}/history`) return <HistoryPage visit={visit} />;
  if (props.path === `${base}/conflict` && visit.status === 'attention') return <ConflictPage visit={visit} />;
  // The confirmation after submitting; a draft (amended since, or the address typed) has nothing to confirm.
  if (props.path === `${base}/submitted` && visit.status !== 'draft') return <SubmittedPage visit={visit} />;
  if (visit.status !== 'draft' || props.path === `${base}/check`) return <CheckAnswersPage visit={visit} />;
  if (props.section) return <AreaPage visit={visit} sectionId={props.section} />;
  if (props.path === `${base}/judgement`) return <JudgementPage visit={visit} />;
  if (props.path === `${base}/actions`) return <ActionsPage visit={visit} />;
  if (props.path === `${base}/earlier-actions`) return <EarlierActionsPage visit={visit} />;
  if (props.path === `${base}/signatures`) return <SignaturesPage visit={visit} />;
  if (props.path === `${base}/feedback` && visit.kind === 'audit') return <AuditFeedbackPage visit={visit} />;
  if (props.path === `${base}/details`) {
    return visit.kind === 'visit' ? (
      <VisitDetailsPage user={props.user} existing={visit} />
    ) : (
      <PracticeDetailsPage user={props.user} kind={visit.kind} existing={visit} />
    );
  }
  return <TaskListPage visit={visit} />;
}

function NoAccess() {
  return (
    <Page title="You cannot use this page">
      <p>Office pages are for managers and the QA manager.</p>
      <a href="/">Go to my visits</a>
    </Page>
  );
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>If you typed the web address, check it is correct.</p>
      <a href="/">Go to my visits</a>
    </Page>
  );
}
