// POST /api/templates: the QA manager publishes a new version of a template. Versions only go up
// (409 for the same or a lower number) and are never changed or deleted, so a draft on an older
// version can still be completed and submitted; devices receive the new one on their next pull.
import type { Hono } from 'hono';
import { Template } from '../../shared/schemas';
import { toIssues } from '../../shared/records/record-rules';
import { validateTemplate } from '../../shared/templates/template-rules';
import { recordAudit } from '../audit';
import { requireRole } from '../auth/access';
import { requireUser } from '../auth/middleware';
import { nextChangeSeq } from '../db/change-seq';
import { MAX_INT_COLUMN } from '../reference/store';
import { readJsonBody } from '../http/body';
import type { AppEnv, Deps } from '../http/env';
import { conflict, invalid } from '../http/errors';

export function registerTemplateRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.post('/api/templates', requireUser(deps), requireRole('qa'), async (c) => {
    const parsed = Template.safeParse(await readJsonBody(c, deps.config.jsonLimitBytes));
    if (!parsed.success) throw invalid(toIssues(parsed.error.issues));
    const template = parsed.data;
    const problems = validateTemplate(template);
    if (template.version > MAX_INT_COLUMN)
      problems.push({ path: 'version', message: `Use a version number no higher than ${MAX_INT_COLUMN}` });
    if (problems.length > 0) throw invalid(problems, 'The template cannot be published');
    const user = c.get('user');
    const now = deps.now();
    const latest = await deps.db.transaction(async (tx) => {
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
      await recordAudit(tx, now, user.id, 'template.publish', `${template.id}@${template.version}`);
      return null;
    });
    if (latest !== null)
      throw conflict(`Version ${template.version} is not newer than the stored version ${latest} of ${template.id}`);
    return c.json(template, 201);
  });
}
