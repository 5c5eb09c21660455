// Where the QMF's findings are filed under seed 002 §8's exception headings (issue 15 found a
// registered-manager finding filed under "Finance").
import { describe, expect, it } from 'vitest';
import { itemHeading, sectionHeading } from '../../src/shared/reports/exception-themes';
import { builtInTemplates } from '../../src/shared/templates/index';

const qmf = builtInTemplates.filter((t) => t.id === 'qmf-care-home').sort((a, b) => b.version - a.version)[0]!;
const itemIds = new Set(qmf.sections.flatMap((s) => s.items.map((i) => i.id)));

describe('exception headings for the QMF', () => {
  it.each([
    ['management-registered-manager', 'people'],
    ['management-residents-money', 'safeguarding-health-safety'],
    ['management-insurance', 'insurance'],
    ['management-complaints', 'quality-complaints'],
    ['management-fire-safety', 'safeguarding-health-safety'],
    ['management-audits', 'delivery-performance'],
  ])('files %s under %s', (item, heading) => {
    expect(itemIds.has(item), `${item} is an item of QMF v${qmf.version}`).toBe(true);
    expect(itemHeading(qmf, item)).toBe(heading);
  });

  it('files the management area itself under delivery and performance, not finance', () => {
    expect(sectionHeading(qmf.id, 'management')).toBe('delivery-performance');
  });
});
