// Issue 17, defects 1, 3, 5 and 9, in Chromium against the real server: a drawn signature is kept
// when the signer's name is missing; the next area opens with no error summary; a visit submitted
// offline shows a confirmation page and is no longer offered in "Visits to do"; an over-long
// evidence note is counted as it is typed and refused by check answers in words, before it is queued.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser';
import { describeWithChromium } from './support/chromium-suite';

const PROVIDER = 'Willow Bank Care Home';

/** Whether the signature pad has anything on it but its white background. */
function padHasInk(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.signature-pad canvas');
    const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!pixels) return false;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) return true; // a dark pixel: ink
    return false;
  });
}

/** Entries in the device's outbox (anything submitted, whatever its state). */
function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('qa-visits');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );
}

describeWithChromium('field flow defects of issue 17 (Chromium)', (env) => {
  it('keeps a drawn signature when the signer’s name is missing, then saves it once the name is given', async () => {
    const app = await env.signedIn('officer');
    const { page } = app;
    await app.startVisit(PROVIDER);
    await app.openSignatures();
    await app.drawSignature();
    expect(await padHasInk(page)).toBe(true);

    await page.getByRole('button', { name: 'Save the signature' }).click();
    await page.getByText('Enter the name of the person signing').first().waitFor();
    expect(await padHasInk(page), 'the drawing survives the name error').toBe(true);
    await expectAccessible(page, 'signatures with a name error');

    await page.getByLabel('Name of the person signing').fill('Ann Hughes');
    await page.getByRole('button', { name: 'Save the signature' }).click();
    await page.getByText('Signed by Ann Hughes').waitFor();
    await page.getByRole('img', { name: 'Signature of Ann Hughes' }).waitFor();
  });

  it('opens the next area with no error summary after the errors of the last one were fixed', async () => {
    const app = await env.signedIn('officer');
    const { page } = app;
    await app.startVisit(PROVIDER);
    await app.openArea('Staffing levels and recruitment');
    await page.getByRole('button', { name: 'Save and go to next area' }).click();
    await page.getByRole('heading', { name: 'This area is not complete yet' }).waitFor();

    await app.answerArea('Met', 'Green');
    await page.getByRole('button', { name: 'Save and go to next area' }).click();
    await app.waitForHeading('Staff supervision');
    expect(await page.locator('.error-summary').count(), 'no error summary on arrival').toBe(0);
    expect(await page.locator('.error-message').count(), 'no field errors on arrival').toBe(0);
    await expectAccessible(page, 'next area on arrival');
  });

  it('confirms a visit submitted offline and no longer offers it in "Visits to do"', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    await app.waitForServiceWorker();
    const todo = page.getByTestId('todo').filter({ hasText: PROVIDER });
    await todo.getByRole('link', { name: `Start a visit to ${PROVIDER}` }).waitFor();
    await context.setOffline(true);

    await todo.getByRole('link', { name: `Start a visit to ${PROVIDER}` }).click();
    await app.waitForHeading('Start a visit');
    await app.check('Announced');
    await app.fill('Who did you speak to?', 'Registered manager; two senior carers');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await app.waitForHeading(PROVIDER);
    await app.completeAllAreas(PROVIDER);
    await app.checkAnswers();
    await page.getByRole('button', { name: 'Submit visit' }).click();

    await app.waitForHeading('Visit submitted');
    const confirmation = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(confirmation).toContain(PROVIDER);
    expect(confirmation).toMatch(/offline/i);
    expect(confirmation).toMatch(/sent to the council automatically/);
    await expectAccessible(page, 'visit submitted');

    await page.getByRole('link', { name: 'Go to My visits' }).click();
    await app.waitForHeading('My visits');
    await app.waitForWaitingCount();
    expect(await app.waitingCount()).toBe('1 visit waiting to send');
    await expect.poll(() => todo.textContent()).toMatch(/Submitted, waiting to send/);
    expect(await page.getByRole('link', { name: `Start a visit to ${PROVIDER}` }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Continue the draft visit/ }).count()).toBe(0);
    await expectAccessible(page, 'my visits after submitting offline');

    // Its briefing says so too, before offering another visit.
    await todo.getByRole('link', { name: PROVIDER, exact: true }).click();
    await app.waitForHeading(PROVIDER);
    expect(await app.testId('already-submitted')).toMatch(
      new RegExp(`^You have already submitted a visit to ${PROVIDER} \\(waiting to send\\)\\.`),
    );
    await expectAccessible(page, 'briefing after submitting offline');
  });

  it('counts an over-long evidence note as it is pasted and refuses it by name on check answers', async () => {
    const app = await env.signedIn('officer');
    const { page } = app;
    const id = await app.startVisit(PROVIDER);
    await app.openArea('Staffing levels and recruitment');
    await app.answerArea('Met', 'Green');
    const item = page.locator('.item').first();
    const question = ((await item.locator('legend').first().textContent()) ?? '').replace(/ \(optional\)$/, '').trim();
    const note = item.getByRole('textbox');
    // The limit is far above what most notes need: told to screen readers, the count shown only near it.
    await note.fill('Rota checked. ');
    const info = await note.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${info}"]`).textContent()).toBe('You can enter up to 20,000 characters');
    expect(await item.getByTestId('count').count()).toBe(0);

    const pasted = 'The rota for October shows one carer short on two nights. '.repeat(400); // 23,200 characters
    await note.fill(pasted);
    const over = (pasted.length - 20_000).toLocaleString('en-GB');
    await expect.poll(() => item.getByTestId('count').textContent()).toBe(`You have ${over} characters too many`);
    await expect
      .poll(() => item.locator('[aria-live="polite"]').textContent())
      .toBe(`You have ${over} characters too many`);
    await expectAccessible(page, 'area with an over-long note');
    await note.blur();
    await expect
      .poll(async () => (await app.record(id))?.answers['staffing-rota']?.note?.length ?? 0)
      .toBe(pasted.length);

    await app.backToVisit(PROVIDER);
    await app.checkAnswers();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // Named by its question (and area), in words, before anything is queued.
    const refusal = summary.getByRole('link', { name: /must be 20,000 characters or fewer/ });
    expect(await refusal.count()).toBe(1);
    expect(await refusal.textContent()).toContain(question.slice(0, 30)); // long questions may be shortened
    expect(await refusal.textContent()).toMatch(/evidence must be 20,000 characters or fewer$/i);
    expect(await page.getByRole('button', { name: 'Submit visit' }).isDisabled()).toBe(true);
    expect(await outboxCount(page)).toBe(0);
    await expectAccessible(page, 'check answers with an over-long note');
  });
});
