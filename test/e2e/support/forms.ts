// Fills any template section through the page as a person would, whatever its item types:
// radios (the first option, or the suggested rating), checkboxes, text, numbers, dates, and one
// row of each repeating group; repeated until nothing visible is left empty, since answers can
// reveal show-if items. Role and label locators only where the item is known; structure otherwise.
import type { Page } from 'playwright-core';

const TEXT = 'Seen and discussed during the visit.';

async function fillEmptyControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    let filled = 0;
    const form = document.querySelector('main form');
    if (!form) return 0;
    const radiosByName = new Map<string, HTMLInputElement[]>();
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
      if (input.name.startsWith('rating-')) continue; // ratings are chosen from the suggestion
      radiosByName.set(input.name, [...(radiosByName.get(input.name) ?? []), input]);
    }
    for (const group of radiosByName.values()) {
      if (!group.some((r) => r.checked)) {
        group[0]!.click();
        filled++;
      }
    }
    const boxes = new Map<string, HTMLInputElement[]>();
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) {
      const key = input.closest('fieldset')?.id || input.name;
      boxes.set(key, [...(boxes.get(key) ?? []), input]);
    }
    for (const group of boxes.values()) {
      if (!group.some((b) => b.checked)) {
        group[0]!.click();
        filled++;
      }
    }
    return filled;
  });
}

async function fillEmptyText(page: Page): Promise<number> {
  let filled = 0;
  const fields = page
    .locator('main form')
    .locator('textarea, input[type=text], input[type=date], input[inputmode=decimal]');
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || (await field.inputValue()) !== '') continue;
    const type = await field.getAttribute('type');
    const mode = await field.getAttribute('inputmode');
    await field.fill(type === 'date' ? new Date().toISOString().slice(0, 10) : mode === 'decimal' ? '2' : TEXT);
    await field.blur();
    filled++;
  }
  return filled;
}

/** Answers everything visible in the open section, adds one row to each empty group, and picks the suggested rating. */
export async function fillSection(page: Page): Promise<void> {
  // Real buttons only: a file input ("Add a photo") also has the button role.
  const addRow = page.locator('main form button').filter({ hasText: /^Add a / });
  for (let n = await addRow.count(); n > 0; n--) await addRow.first().click();
  for (let pass = 0; pass < 4; pass++) {
    const changed = (await fillEmptyControls(page)) + (await fillEmptyText(page));
    if (changed === 0) break;
  }
  if ((await page.locator('input[type=radio][name^="rating-"]').count()) > 0) await chooseSuggestedRating(page);
}

/** Checks the rating marked "(suggested)", or the first rating when nothing is suggested yet. */
export async function chooseSuggestedRating(page: Page): Promise<void> {
  const ratings = page.locator('input[type=radio][name^="rating-"]');
  await ratings.first().waitFor();
  const suggested = page.getByRole('radio', { name: /\(suggested\)$/ });
  if ((await suggested.count()) > 0) await suggested.first().check();
  else await ratings.first().check();
}
