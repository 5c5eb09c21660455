// A horizontal bar chart as accessible SVG, always with the numbers as a table beside it
// (WCAG 1.1.1 and 1.4.1: the chart has a text alternative and colour is never the only cue;
// bar colours keep 3:1 contrast against white for 1.4.11). Scales to the page and prints cleanly.
import { useId } from 'preact/hooks';
import { Table } from '../components/Table';

export type Bar = { label: string; value: number; tone?: 'green' | 'amber' | 'red' | 'blue' | 'grey' };

const TONES = { green: '#00703c', amber: '#a35a00', red: '#d4351c', blue: '#1d70b8', grey: '#505a5f' } as const;
const ROW = 30;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 230;

export function BarChart(props: { title: string; bars: Bar[]; valueHeading?: string; max?: number; suffix?: string }) {
  const id = useId();
  const max = Math.max(props.max ?? 0, ...props.bars.map((b) => b.value), 1);
  const height = props.bars.length * ROW + 6;
  const suffix = props.suffix ?? '';
  const summary = props.bars.map((b) => `${b.label}: ${b.value}${suffix}`).join('; ');
  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {props.bars.map((bar, i) => {
          const y = i * ROW + 3;
          const width = Math.round((bar.value / max) * BAR_WIDTH);
          return (
            <g key={bar.label} aria-hidden="true">
              <text x={LABEL_WIDTH - 8} y={y + 18} text-anchor="end" class="chart-label">
                {shorten(bar.label)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={Math.max(width, 1)}
                height={ROW - 8}
                fill={TONES[bar.tone ?? 'blue']}
              />
              <text
                x={LABEL_WIDTH + Math.max(width, 1) + 6}
                y={y + 18}
                class="chart-value"
              >{`${bar.value}${suffix}`}</text>
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

const shorten = (label: string) => (label.length > 32 ? `${label.slice(0, 30)}…` : label);
