// The monitoring review requests of a provider's office page: the risk matrix's suggestion with its
// reasons and the provider's reviews, and QA's decision. As the other office requests (./api.ts):
// never throws, answers parsed with the route's shared schema, failures worded for the person.
import { MonitoringState, type MonitoringDecision } from '../../shared/providers/api-schemas';
import { requestJson } from '../lib/http';
import { describeFailure, getJson, parseAnswer, type Outcome } from './api';

const path = (providerId: string) => `/api/providers/${encodeURIComponent(providerId)}/monitoring-reviews`;

export const loadMonitoring = (providerId: string): Promise<Outcome<MonitoringState>> =>
  getJson(path(providerId), MonitoringState, 'The suggested monitoring level could not be loaded');

export async function decideMonitoring(
  providerId: string,
  decision: MonitoringDecision,
): Promise<Outcome<MonitoringState>> {
  const notDone = 'The review was not recorded';
  const result = await requestJson('POST', path(providerId), decision);
  if (result.kind === 'response' && result.status === 200)
    return parseAnswer(MonitoringState, result.body, notDone, 200);
  return describeFailure(result, notDone);
}
