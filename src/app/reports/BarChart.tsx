// A horizontal bar chart as accessible SVG, always with the numbers as a table beside it
// (WCAG 1.1.1 and 1.4.1: the chart has a text alternative and colour is never the only cue;
// bar colours keep 3:1 contrast against white for 1.4.11). Scales to the page and prints cleanly.
import { useId } from 'preact/hooks';
import { Table } from '../components/Table';

export type Bar = { label: string; value: number; tone?: 'green' | 'amber' | 'red' | 'blue' | 'grey' };

const TONES = { green: '#00703c', amber: '#a35a00', red: '#d4351c', blue: '#1d70b8', grey: '#505a5f' } as const;
/** One bar's height in CSS px: its label on a line of its own, the bar and its value under it. */
const ROW = 52;
/** The share of the chart's width the longest bar takes, leaving room for its value after it. */
const BAR_SHARE = 80;

/**
 * Laid out in CSS pixels and percentages of its width, not in a scaled viewBox: a chart drawn for
 * 540 units and shrunk to a phone's 360 px set its 14-unit labels at 9 px (issue 17). Its text is
 * 16 px at every width, each label on a line above its bar so it has the chart's whole width.
 */
export function BarChart(props: { title: string; bars: Bar[]; valueHeading?: string; max?: number; suffix?: string }) {
  const id = useId();
  const max = Math.max(props.max ?? 0, ...props.bars.map((b) => b.value), 1);
  const height = props.bars.length * ROW;
  const suffix = props.suffix ?? '';
  const summary = props.bars.map((b) => `${b.label}: ${b.value}${suffix}`).join('; ');
  return (
    <figure class="chart">
      <svg class="chart-svg" width="100%" height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {props.bars.map((bar, i) => {
          const y = i * ROW;
          // A bar of nothing still shows as a sliver, so the row never looks missing.
          const share = `${Math.max((bar.value / max) * BAR_SHARE, 0.5).toFixed(2)}%`;
          return (
            <g key={bar.label} aria-hidden="true">
              <text x="0" y={y + 17} class="chart-label">
                {shorten(bar.label)}
              </text>
              <rect x="0" y={y + 24} width={share} height={20} fill={TONES[bar.tone ?? 'blue']} />
              <text x={share} dx="6" y={y + 40} class="chart-value">{`${bar.value}${suffix}`}</text>
            </g>
          );
        })}
      </svg>
      <Table
        class="chart-table"
        wrap={false}
        caption={props.title}
        columns={['Category', { heading: props.valueHeading ?? 'Number', numeric: true }]}
        rows={props.bars.map((b) => ({ key: b.label, cells: [b.label, `${b.value}${suffix}`] }))}
      />
    </figure>
  );
}

const shorten = (label: string) => (label.length > 40 ? `${label.slice(0, 38)}…` : label);
