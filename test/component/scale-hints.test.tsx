// Issue 17, defect 7: an area says what its answer scale means once, in a details element at the
// top, not under every question's radios; a check's long guidance folds under "What to look for";
// the rating's meanings fold above its choices. Over a real draft in IndexedDB.
import { beforeEach, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import { qmfCareHomeV1 } from '../../src/shared/templates/qmf-care-home';
import { AreaPage } from '../../src/app/records/AreaPage';
import { LiveVisit, resetDevice, startQmfVisit, storeTemplate } from './helpers';

const staffing = qmfCareHomeV1.sections.find((s) => s.id === 'staffing')!;

beforeEach(async () => {
  await resetDevice();
  await storeTemplate();
});

it('says once per area what each answer on the scale means, and folds each check’s guidance', async () => {
  const id = await startQmfVisit();
  render(<LiveVisit id={id}>{(visit) => <AreaPage visit={visit} sectionId="staffing" />}</LiveVisit>);
  await screen.findByRole('heading', { level: 1, name: staffing.title });

  const scale = screen.getByText('What Met, Partly met, Not met and Not applicable mean').closest('details')!;
  for (const option of qmfCareHomeV1.responseOptions) {
    // The hint is in the page once: in the details, not under each of the eight questions.
    expect(screen.getAllByText(option.hint!)).toHaveLength(1);
    expect(within(scale).getByText(option.hint!)).toBeTruthy();
  }
  const rota = screen.getByRole('group', { name: staffing.items[0]!.label });
  expect(within(rota).getByRole('radio', { name: 'Partly met' }).getAttribute('aria-describedby')).toBeNull();

  const guidance = screen.getByText(staffing.items[0]!.guidance!).closest('details')!;
  expect(guidance.querySelector('summary')!.textContent).toBe(`What to look for for ${staffing.items[0]!.label}`);
  expect(guidance.open).toBe(false);

  const rating = screen.getByText('What Green, Amber and Red mean').closest('details')!;
  for (const option of qmfCareHomeV1.ratingScale) expect(within(rating).getByText(option.hint!)).toBeTruthy();
});
