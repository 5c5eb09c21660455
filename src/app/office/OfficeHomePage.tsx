// The office's front page for managers and the QA manager: where each office view is.
import { BackLink, Page } from '../components/Page';
import { OFFICE_IMPORT_PATH } from './access';
import { ACTIONS_PATH } from '../actions/ActionsTrackerPage';
import { INBOX_PATH } from './InboxPage';
import { QUARTERLY_REPORT_PATH } from '../reports/QuarterlyReportPage';
import { REGISTER_PATH } from './RegisterPage';

const LINKS = [
  {
    href: INBOX_PATH,
    title: 'Inbox',
    text: 'Every record received: filter, open, sign off or return for amendment, download as CSV.',
  },
  {
    href: REGISTER_PATH,
    title: 'Provider register',
    text: 'Providers by RAG rating, monitoring level, type, officer and overdue visit; each provider\u2019s history.',
  },
  {
    href: ACTIONS_PATH,
    title: 'Actions tracker',
    text: 'Open actions, overdue first, and significant actions closed within 3 months by quarter.',
  },
  {
    href: QUARTERLY_REPORT_PATH,
    title: 'Quarterly QA report',
    text: 'Activity, grades, RAG changes, deadlines and themes for a quarter; print or download.',
  },
  { href: '/deadlines', title: 'Deadlines', text: 'What waits for your sign-off and what was written up late.' },
  {
    href: OFFICE_IMPORT_PATH,
    title: 'Import CSV',
    text: 'Bring in the provider register or provider intelligence from a spreadsheet.',
  },
];

export function OfficeHomePage() {
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title="Office">
        <ul class="visit-list">
          {LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href}>
                <strong>{l.title}</strong>
              </a>
              <span class="meta">{l.text}</span>
            </li>
          ))}
        </ul>
      </Page>
    </>
  );
}
