// The report charts: an SVG image named by its title and described by its figures, with the same
// figures in a table beside it, and bars scaled to the largest value (or the given maximum).
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../src/app/reports/BarChart';

describe('BarChart', () => {
  it('is an image with a text alternative and a table of the same numbers', () => {
    render(
      <BarChart
        title="Providers by RAG rating"
        bars={[
          { label: 'Green', value: 7, tone: 'green' },
          { label: 'Amber', value: 6 },
          { label: 'Red', value: 3 },
        ]}
      />,
    );
    const image = screen.getByRole('img', { name: /Providers by RAG rating/ });
    expect(image.textContent).toContain('Green: 7; Amber: 6; Red: 3');
    const table = screen.getByRole('table', { name: 'Providers by RAG rating' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['Green7', 'Amber6', 'Red3']);
    const widths = [...image.querySelectorAll('rect')].map((r) => parseFloat(r.getAttribute('width')!));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });

  it('scales to a fixed maximum for percentages and shows the unit', () => {
    render(
      <BarChart
        title="Done"
        suffix="%"
        max={100}
        bars={[
          { label: 'Visits', value: 50 },
          { label: 'Audits', value: 100 },
        ]}
      />,
    );
    const image = screen.getByRole('img', { name: /Done/ });
    const [half, full] = [...image.querySelectorAll('rect')].map((r) => parseFloat(r.getAttribute('width')!));
    expect(half! * 2).toBe(full);
    expect(screen.getByRole('table', { name: 'Done' }).textContent).toContain('50%');
  });
});
