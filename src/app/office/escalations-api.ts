// The office pages' escalation requests (seed 004 §22; routes in src/server/escalations/routes.ts),
// answered as the other office calls are (./api.ts): ok with the value read by the shared schema,
// or a failure worded for the person with the server's field issues. Nothing here throws.
import {
  type CloseEscalation,
  Escalation,
  EscalationList,
  type NewEscalation,
  type NewEscalationStep,
} from '../../shared/escalations/schema';
import { requestJson } from '../lib/http';
import { describeFailure, getJson, parseAnswer, type Outcome } from './api';

async function post(url: string, body: unknown, notDone: string, ok: number): Promise<Outcome<Escalation>> {
  const result = await requestJson('POST', url, body);
  if (result.kind === 'response' && result.status === ok) return parseAnswer(Escalation, result.body, notDone, ok);
  return describeFailure(result, notDone);
}

const listed = async (url: string, notDone: string): Promise<Outcome<Escalation[]>> => {
  const result = await getJson(url, EscalationList, notDone);
  return result.ok ? { ok: true, value: result.value.escalations } : result;
};

/** A provider's escalations, newest first. */
export const loadEscalations = (providerId: string) =>
  listed(`/api/providers/${encodeURIComponent(providerId)}/escalations`, 'The escalations could not be loaded');

/** Every provider's open escalation (the register marks them). */
export const loadOpenEscalations = () =>
  listed('/api/escalations?status=open', 'Which providers are in escalation could not be loaded');

export const openEscalation = (providerId: string, body: NewEscalation) =>
  post(`/api/providers/${encodeURIComponent(providerId)}/escalations`, body, 'The escalation was not opened', 201);

export const addEscalationStep = (id: string, body: NewEscalationStep) =>
  post(`/api/escalations/${encodeURIComponent(id)}/steps`, body, 'The step was not recorded', 201);

export const closeEscalation = (id: string, body: CloseEscalation) =>
  post(`/api/escalations/${encodeURIComponent(id)}/close`, body, 'The escalation was not closed', 200);
