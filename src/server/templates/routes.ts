// POST /api/templates: the QA manager publishes a new version of a template. Versions only go up
// (409 for the same or a lower number) and are never changed or deleted, so a draft on an older
// version can still be completed and submitted; devices receive the new one on their next pull.
import { Template } from '../../shared/templates/schema';
import { validateTemplate } from '../../shared/templates/template-rules';
import { conflict, invalid } from '../http/errors';
import { routeDeclarer, json, reply, validBody, type ApiRoute } from '../http/route';
import { MAX_INT_COLUMN } from '../reference/store';
import { publishTemplate } from './store';

const route = routeDeclarer('admin');

export const templateRoutes: readonly ApiRoute[] = [
  route('POST /api/templates', ['qa'], {
    summary: 'Publish a template version',
    body: json(Template),
    responses: { 201: reply('Published', Template), 409: 'The version is not newer than the stored one' },
    handler: async (c, deps) => {
      const template = await validBody(c, Template, deps.config.jsonLimitBytes);
      const problems = validateTemplate(template);
      if (template.version > MAX_INT_COLUMN)
        problems.push({ path: 'version', message: `Use a version number no higher than ${MAX_INT_COLUMN}` });
      if (problems.length > 0) throw invalid(problems, 'The template cannot be published');
      const latest = await publishTemplate(deps.db, template, c.get('user').id, deps.now());
      if (latest !== null)
        throw conflict(`Version ${template.version} is not newer than the stored version ${latest} of ${template.id}`);
      return c.json(template, 201);
    },
  }),
];
