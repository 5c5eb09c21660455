// Per-app memo of reference lookups on the submission hot path. Only positive answers are kept,
// and both are safe to keep for the life of the process: a stored template version never changes
// and a provider row is never deleted. A miss always goes to the database (another server may
// have added it since).
import type { Template } from '../../shared/templates/schema';
import type { Queryable } from '../db';
import { findTemplate, providerExists } from './store';

const MAX_ENTRIES = 5_000;

export class ReferenceCache {
  private readonly templates = new Map<string, Template>();
  private readonly providers = new Set<string>();

  async template(q: Queryable, id: string, version: number): Promise<Template | null> {
    const key = `${id}@${version}`;
    const hit = this.templates.get(key);
    if (hit !== undefined) return hit;
    const found = await findTemplate(q, id, version);
    if (found !== null && this.templates.size < MAX_ENTRIES) this.templates.set(key, found);
    return found;
  }

  async providerKnown(q: Queryable, id: string): Promise<boolean> {
    if (this.providers.has(id)) return true;
    const known = await providerExists(q, id);
    if (known && this.providers.size < MAX_ENTRIES) this.providers.add(id);
    return known;
  }
}
