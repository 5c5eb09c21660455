// Template versions in the database: versions only go up and are never changed or deleted, so a
// draft on an older version can still be completed; devices receive a new one by its change_seq.
import type { Template } from '../../shared/templates/schema';
import { recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';

/** Stores a new version and audits it; returns null when stored, else the stored version it is not newer than. */
export async function publishTemplate(db: Db, template: Template, userId: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    // Taken first so two publishes of one template cannot both pass the version check.
    const seq = await nextChangeSeq(tx);
    const [top] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM templates WHERE id = $1', [
      template.id,
    ]);
    const stored = top?.v ?? null;
    if (stored !== null && template.version <= Number(stored)) return Number(stored);
    await tx.query('INSERT INTO templates (id, version, body, change_seq) VALUES ($1, $2, $3::jsonb, $4)', [
      template.id,
      template.version,
      JSON.stringify(template),
      seq,
    ]);
    await recordAudit(tx, now, userId, 'template.publish', `${template.id}@${template.version}`);
    return null;
  });
}

/** Whether any version of the template is stored. */
export async function templateExists(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM templates WHERE id = $1 LIMIT 1', [id]);
  return rows.length > 0;
}
