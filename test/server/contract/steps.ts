// Requests several parts of the contract suite make to set the scene, written once: QA adding a
// provider to the register, and a visit assigned to an officer. Each checks its own status, so a
// scene that could not be set fails where it was set, not in the assertion that relied on it.
import { expect } from 'vitest';
import type { Provider } from '../../../src/shared/sync/schema';
import { call, providerRow } from '../helpers';
import type { Ctx } from './ctx';

/** QA adds a register row (the derived fields null) and the server answers 201. */
export async function addProvider(ctx: Ctx, row: Partial<Provider> & Pick<Provider, 'id' | 'name'>): Promise<void> {
  const res = await call(ctx.app, '/api/providers', { method: 'POST', cookie: ctx.cookies.qa, body: providerRow(row) });
  expect(res.status, `adding provider ${row.id}`).toBe(201);
}

export type AssignmentFields = {
  officerId: string;
  dueDate: string;
  providerId?: string;
  announced?: boolean;
  notes?: string;
};

/** A QMF visit assigned (by QA unless `cookie` says otherwise); the server's answer is returned unchecked. */
export function assign(ctx: Ctx, fields: AssignmentFields, cookie = ctx.cookies.qa) {
  const body = { providerId: 'willow-bank', templateId: 'qmf-care-home', announced: true, notes: '', ...fields };
  return call(ctx.app, '/api/assignments', { method: 'POST', cookie, body });
}

/** As assign, expecting 201; the new assignment's id. */
export async function assigned(ctx: Ctx, fields: AssignmentFields, cookie = ctx.cookies.qa): Promise<string> {
  const res = await assign(ctx, fields, cookie);
  expect(res.status, `assigning ${fields.providerId ?? 'willow-bank'} due ${fields.dueDate}`).toBe(201);
  return res.json.id as string;
}

/** The fields a refusal names (its issues' paths, in the server's order), once its status is checked (422 unless told). */
export function refusedPaths(res: Awaited<ReturnType<typeof call>>, status = 422): string[] {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return (res.json.issues as Array<{ path: string }>).map((i) => i.path);
}
