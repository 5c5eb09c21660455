// Node-side data for the device bench (bench/device.ts): the 300-item template a QA manager
// publishes, and visit records in the exact shape the app keeps in its device database. Answers
// come from the seed's makeRecord (complete and valid, so the server accepts every submission).
import { randomUUID } from 'node:crypto';
import { makeRecord } from '../src/server/seed/record-maker';
import type { VisitDetails } from '../src/shared/records/schema';
import type { GroupChildItem, Template, TemplateItem, TemplateSection } from '../src/shared/templates/schema';
import { qmfCareHomeV2 } from '../src/shared/templates/index';
import type { Briefing } from '../src/shared/briefings/register';
import type { LocalRecord } from '../src/app/storage/database';

export const BENCH_TEMPLATE_TITLE = 'Bench: a 300-item visit';
export const BENCH_ITEMS = 300;

const renameChild = (item: GroupChildItem, suffix: string): GroupChildItem => ({
  ...item,
  id: `${item.id}${suffix}`,
  ...(item.showIf ? { showIf: { ...item.showIf, item: `${item.showIf.item}${suffix}` } } : {}),
});

const renameItem = (item: TemplateItem, suffix: string): TemplateItem => ({
  ...renameChild(item, suffix),
  ...(item.items ? { items: item.items.map((c) => renameChild(c, suffix)) } : {}),
});

/**
 * The QMF (version 2) areas repeated, ids suffixed by part, cut at exactly 300 items: real item
 * types, guidance, show-if, a repeating group and worst-of scoring, only more of them. It goes
 * through POST /api/templates and the device's pull like any published template, so the draft is
 * started and edited by the app's own pages.
 */
export function benchTemplate(): Template {
  const sections: TemplateSection[] = [];
  let count = 0;
  for (let part = 1; count < BENCH_ITEMS; part++) {
    for (const section of qmfCareHomeV2.sections) {
      if (count >= BENCH_ITEMS) break;
      const suffix = `-p${part}`;
      const items = section.items.slice(0, BENCH_ITEMS - count).map((i) => renameItem(i, suffix));
      count += items.length;
      sections.push({ ...section, id: `${section.id}${suffix}`, title: `${section.title} (part ${part})`, items });
    }
  }
  return {
    ...qmfCareHomeV2,
    id: 'bench-300-items',
    version: 1,
    framework: 'Bench',
    title: BENCH_TEMPLATE_TITLE,
    description: 'The care home QMF areas repeated to 300 items, published by the device bench.',
    sections,
  };
}

/** Choice items on the shared response options with no show-if: toggling one between "met" and "partly met" changes nothing else on the page. */
export function toggleableItems(section: TemplateSection): string[] {
  return section.items
    .filter((i) => i.type === 'choice' && i.options === undefined && i.showIf === undefined)
    .map((i) => i.id);
}

/** A complete answer set for the template (what a finished 300-item draft holds). */
export function completeAnswers(
  template: Template,
  details: VisitDetails,
): Pick<LocalRecord, 'answers' | 'sectionRatings' | 'overallRating'> {
  const body = makeRecord(template, details);
  return { answers: body.answers, sectionRatings: body.sectionRatings, overallRating: body.overallRating ?? null };
}

export interface DeviceProvider {
  id: string;
  name: string;
}

/** A completed QMF visit as the device stores it, in the given status, `daysAgo` days before today. */
export function visitRecord(input: {
  ownerId: string;
  provider: DeviceProvider;
  briefing: Briefing | null;
  status: LocalRecord['status'];
  daysAgo: number;
}): LocalRecord {
  const at = Date.now() - input.daysAgo * 86_400_000;
  const date = new Date(at).toISOString().slice(0, 10);
  const details: VisitDetails = {
    providerId: input.provider.id,
    date,
    announced: input.daysAgo % 3 !== 0,
    spokeWith: 'Registered manager; two senior carers',
  };
  const body = makeRecord(qmfCareHomeV2, details);
  const done = input.status !== 'draft';
  return {
    id: randomUUID(),
    ownerId: input.ownerId,
    status: input.status,
    revision: 1,
    baseRevision: null,
    templateId: qmfCareHomeV2.id,
    templateVersion: qmfCareHomeV2.version,
    kind: 'visit',
    details,
    subjectName: input.provider.name,
    assignmentId: null,
    briefingSnapshot: input.briefing,
    answers: body.answers,
    sectionRatings: body.sectionRatings,
    overallRating: body.overallRating ?? null,
    ratingOverrides: {},
    actions: [],
    actionChecks: [],
    review: null,
    startedAt: body.startedAt,
    updatedAt: at,
    submittedAt: done ? body.submittedAt : null,
    receivedAt: input.status === 'sent' ? new Date(at + 60_000).toISOString() : null,
    problem: null,
  };
}
