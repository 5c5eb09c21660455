// England and Wales bank holidays, shipped as data for counting deadlines in working days (issue
// 15). 2020-2027 are as GOV.UK publishes them (gov.uk/bank-holidays), one-off days included: VE Day
// moved the early May holiday to 8 May 2020; the Platinum Jubilee moved the spring holiday to
// 2 June 2022 and added 3 June; the State Funeral of Queen Elizabeth II (19 September 2022); the
// Coronation of King Charles III (8 May 2023). 2028-2030 follow the standing rules (substitute
// days when a holiday falls at a weekend) and will miss any one-off day proclaimed later: a
// council adds those with BANK_HOLIDAYS_FILE (GOV.UK's bank-holidays.json), read with these.
import * as z from 'zod/mini';

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  ...['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  ...['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  ...['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19'],
  ...['2022-12-26', '2022-12-27'],
  ...['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25'],
  ...['2023-12-26'],
  ...['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  ...['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  ...['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  ...['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  ...['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
  ...['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'],
  ...['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'],
];

/** The last year the shipped list covers: the server warns at start once it is under a year away. */
export const LAST_SHIPPED_YEAR = 2030;

/** GOV.UK's bank-holidays.json, of which only England and Wales is read. */
const GovUkBankHolidays = z.object({
  'england-and-wales': z.object({ events: z.array(z.object({ date: z.iso.date() })) }),
});

/** The dates of a GOV.UK bank-holidays.json document, or what is wrong with it. */
export function parseGovUkBankHolidays(json: unknown): string[] | string {
  const parsed = GovUkBankHolidays.safeParse(json);
  if (!parsed.success)
    return 'expected GOV.UK\'s bank-holidays.json, with "england-and-wales": { "events": [{ "date": "YYYY-MM-DD" }] }';
  return parsed.data['england-and-wales'].events.map((e) => e.date);
}
