// Durable acknowledgement on every database (issue 16 item 5). PGlite does not fsync, so a 2xx
// from the embedded database is not durable against a power cut; a server restored from a backup
// has lost whatever came after it. The device keeps what it sent and, on its next sync with a
// server that has started again, asks which of its sent records the server no longer holds and
// sends those again (POST /api/sync/receipts, src/app/sync/reconcile.ts). Here the server's data
// folder is put back to a copy taken before two visits arrived: they come back, exactly once each.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { USERS } from './engines/app-model';
import { serverSubmissions } from './support/api';
import { describeWithChromium } from './support/chromium-suite';

/** Copies a stopped server's data folder (the lock socket left out: it belongs to a running server). */
function copyFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith('server.lock') });
}

describeWithChromium('durable acknowledgement: a server restored from a backup (Chromium)', (env) => {
  it('gets back, exactly once, the records it acknowledged and then lost, and the device ends with nothing waiting', async () => {
    const app = await env.signedIn('officer');
    const officer = USERS.officer;
    const held = async () => (await serverSubmissions(env.server.url, officer)).map((s) => s.id);
    expect(await held()).toEqual([]);

    // Yesterday's backup: the data folder as it was before the visits arrived (the device already signed in).
    const backup = mkdtempSync(join(tmpdir(), 'qa-visits-backup-'));
    try {
      await env.server.stop();
      copyFolder(env.server.dataDir, backup);
      await env.server.restart();

      const ids = [await app.submitCompleteVisit('Primrose Villa'), await app.submitCompleteVisit('Laurel Gardens')];
      await app.syncNow();
      await app.waitForAllSent();
      for (const id of ids) expect((await app.record(id))?.status).toBe('sent');
      expect((await held()).sort()).toEqual([...ids].sort());

      // The server is lost and restored from the backup: the acknowledged visits are gone.
      await env.server.stop();
      for (const name of readdirSync(env.server.dataDir))
        rmSync(join(env.server.dataDir, name), { recursive: true, force: true });
      copyFolder(backup, env.server.dataDir);
      await env.server.restart();
      expect(await held()).toEqual([]);
      // The device still shows them sent: it has no way to know until it asks.
      for (const id of ids) expect((await app.record(id))?.status).toBe('sent');

      // The device's next sync asks, re-queues what the server lacks and sends it again.
      const receipts: number[] = [];
      app.page.on('response', (response) => {
        if (response.url().endsWith('/api/sync/receipts')) receipts.push(response.status());
      });
      await app.syncNow();
      await expect.poll(async () => (await held()).sort(), { timeout: 60_000 }).toEqual([...ids].sort());
      await app.waitForAllSent();
      expect(receipts).toEqual([200]);
      for (const id of ids) expect((await app.record(id))?.status).toBe('sent');
      expect(await app.outbox()).toEqual([]);

      // Exactly once: one revision each, and further syncs (a new server or not) change nothing.
      const stored = await serverSubmissions(env.server.url, officer);
      expect(stored.map((s) => [s.id, s.revision]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
      await env.server.stop();
      await env.server.restart();
      await app.syncNow();
      await expect.poll(() => receipts.length, { timeout: 30_000 }).toBe(2);
      await app.waitForAllSent();
      expect((await held()).sort()).toEqual([...ids].sort());
      expect(await app.outbox()).toEqual([]);
    } finally {
      rmSync(backup, { recursive: true, force: true });
    }
    // Two visits typed, three server restarts: about 70 s alone, more on a busy machine.
  }, 240_000);
});
