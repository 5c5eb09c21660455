// Sign-out that holds offline (issue 14), in Chromium against the real server: with the network
// off, signing out forgets the person at once; the next time there is a network the server
// session is ended before anything else, so the old cookie is refused (401) and the app stays
// on the sign-in page — whether the network comes back in the same page or at the next start.
import { expect, it } from 'vitest';
import { describeWithChromium } from './support/chromium-suite';
import { sessionCookie, sessionStatus } from './support/device-people';

describeWithChromium('sign-out with the network off (Chromium)', (env) => {
  it('ends the server session as soon as the network is back', async () => {
    const app = await env.signedIn('officer');
    const { page, context } = app;
    const cookie = await sessionCookie(app);

    await context.setOffline(true);
    await app.openSignOut();
    await app.signOutAndClear();
    // The server could not be told yet: the cookie still opens the session there.
    expect(await sessionStatus(env.server.url, cookie)).toBe(200);

    await context.setOffline(false);
    await expect.poll(() => sessionStatus(env.server.url, cookie), { timeout: 30_000 }).toBe(401);
    expect(await app.heading()).toBe('Sign in');
    await page.reload();
    await app.waitForHeading('Sign in');
    expect(await page.getByLabel('Email address').inputValue()).toBe('');
  });

  it('ends it at the next start, before the app asks who is signed in', async () => {
    const app = await env.signedIn('officer', { profile: true });
    const { context } = app;
    const cookie = await sessionCookie(app);
    const asked: string[] = [];

    await context.setOffline(true);
    await app.openSignOut();
    await app.signOutAndClear();
    expect(await sessionStatus(env.server.url, cookie)).toBe(200);

    // The browser is closed offline and started again online, the old cookie still in its jar.
    await app.driver.restart();
    app.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/session') asked.push(r.method());
    });
    await app.open('/');
    await app.waitForHeading('Sign in');
    await expect.poll(() => sessionStatus(env.server.url, cookie), { timeout: 30_000 }).toBe(401);
    expect(asked[0]).toBe('DELETE');
    // Nobody is signed back in once the app has finished talking to the server.
    await app.page.waitForLoadState('networkidle');
    expect(await app.heading()).toBe('Sign in');
  });
});
