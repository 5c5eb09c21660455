// Intelligence CSV mapping: the spellings a council's spreadsheet uses for each kind and value,
// and every kind of bad cell, header and duplicate named by spreadsheet row and column.
import { describe, expect, it } from 'vitest';
import { parseIntelligenceCsv } from '../../src/server/intelligence/csv';
import { formatCsvIssue } from '../../src/server/providers/csv';

const parse = (text: string) =>
  parseIntelligenceCsv(text, { providerExists: (id) => id === 'oak' || id === 'elm', today: '2026-06-10' });
const problems = (text: string) => parse(text).issues.map(formatCsvIssue);

describe('parseIntelligenceCsv', () => {
  it('reads every kind with the spellings spreadsheets use', () => {
    const { rows, issues } = parse(
      'Provider ID,Kind,Date,Summary,Status,Overall,Safe,Effective,Caring,Responsive,Well-led,Notified to CQC,Source,Sentiment,Outcome\n' +
        'oak,CQC,1/2/2026,,,RI,good,Good,outstanding,Not yet rated,inadequate,,,,\n' +
        'oak,complaints,2026-02-03,Cold food,CLOSED,,,,,,,,,,\n' +
        'elm,Safeguarding,2026-02-04,Bruising,open,,,,,,,,,,\n' +
        'elm,Notification,2026-02-05,Fall,,,,,,,,y,,,\n' +
        'elm,Professional feedback,2026-02-06,Good care,,,,,,,,,Social work team,Concerns,\n' +
        'oak,Fire,2026-02-07,,,,,,,,,,,,Enforcement notice\n',
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        providerId: 'oak',
        date: '2026-02-01',
        summary: '',
        kind: 'cqc-inspection',
        overall: 'requires-improvement',
        keyQuestions: {
          safe: 'good',
          effective: 'good',
          caring: 'outstanding',
          responsive: 'not-rated',
          wellLed: 'inadequate',
        },
      },
      { providerId: 'oak', date: '2026-02-03', summary: 'Cold food', kind: 'complaint', status: 'closed' },
      { providerId: 'elm', date: '2026-02-04', summary: 'Bruising', kind: 'safeguarding-referral', status: 'open' },
      { providerId: 'elm', date: '2026-02-05', summary: 'Fall', kind: 'incident', notifiedToCqc: true },
      {
        providerId: 'elm',
        date: '2026-02-06',
        summary: 'Good care',
        kind: 'feedback',
        source: 'social-work',
        sentiment: 'concern',
      },
      { providerId: 'oak', date: '2026-02-07', summary: '', kind: 'fire-inspection', outcome: 'enforcement' },
    ]);
  });

  it('names every bad cell by row and column, and returns no rows', () => {
    const text =
      'provider_id,kind,date,summary,status,outcome\n' +
      'oak,Complaint,2026-06-11,Late,Open,\n' +
      'ash,Complaint,2026-01-01,,Pending,\n' +
      'oak,Fire inspection,10/13/2026,Checked,Open,Fine\n';
    expect(parse(text).rows).toEqual([]);
    expect(problems(text)).toEqual([
      'row 2, date: "2026-06-11" is in the future; give the date it happened',
      'row 3, provider_id: no provider on the register has the id "ash"',
      'row 3, summary: is blank; describe a complaint in a sentence or two',
      'row 3, status: "Pending" is not a status; use Open or Closed',
      'row 4, date: "10/13/2026" is not a real date',
      'row 4, status: has "Open", but a fire inspection does not use this column; leave it blank or check the kind',
      'row 4, outcome: "Fine" is not the outcome of the inspection; use Satisfactory, Action required or Enforcement',
    ]);
  });

  it('says when a kind needs a column the file does not have', () => {
    expect(problems('provider_id,kind,date,summary\noak,Incident,2026-01-01,Fall\n')).toEqual([
      'row 2, notified_to_cqc: the file has no notified_to_cqc column, and this row needs one: give whether it was notified to CQC (Yes or No)',
    ]);
  });

  it('reports header problems, duplicate rows and empty files', () => {
    expect(problems('provider,kind,kind\n')).toEqual(['The file has column headings but no entries below them.']);
    expect(problems('provider,kind,kind,date\noak,Complaint,Complaint,2026-01-01\n')).toEqual([
      'row 1, provider: "provider" is not a column this import knows (check the spelling). The columns are: provider_id, kind, date, summary, status, overall, safe, effective, caring, responsive, well_led, notified_to_cqc, source, sentiment, outcome.',
      'row 1, kind: the heading appears twice (columns B and C)',
      'row 1, provider_id: this required column is missing from the header row',
    ]);
    expect(
      problems(
        'provider_id,kind,date,summary,status\noak,Complaint,2026-01-01,Late,Open\n\noak,Complaint,01/01/2026,Late,open\n',
      ),
    ).toEqual(['row 4: is the same entry as row 2; remove one of them']);
    expect(problems('')).toEqual([expect.stringMatching(/^row 1: The file is empty/)]);
  });
});
