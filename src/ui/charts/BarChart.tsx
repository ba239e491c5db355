/**
 * A small bar chart in SVG, no chart library: one bar per point, a null
 * value drawn as a gap. The picture is for sighted readers; the summary
 * sentence (its accessible name) and the data table beside it carry the
 * same facts for everyone else, so the SVG itself is hidden from the
 * accessibility tree apart from that name.
 */
import { For, type JSX } from 'solid-js';

export interface BarPoint {
  readonly label: string;
  readonly value: number | null;
}

export function BarChart(props: {
  points: readonly BarPoint[];
  summaryId: string;
  max?: number;
}): JSX.Element {
  const width = 320;
  const height = 120;
  const max = () => props.max ?? Math.max(1, ...props.points.map((p) => p.value ?? 0));
  const step = () => width / Math.max(1, props.points.length);
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${width} ${height + 2}`}
      role="img"
      aria-labelledby={props.summaryId}
      preserveAspectRatio="none"
    >
      <line x1="0" y1={height} x2={width} y2={height} class="bar-chart-axis" />
      <For each={props.points}>
        {(p, i) => {
          const h = () => ((p.value ?? 0) / max()) * (height - 4);
          return p.value === null ? null : (
            <rect
              x={i() * step() + step() * 0.15}
              y={height - h()}
              width={step() * 0.7}
              height={h()}
              class="bar-chart-bar"
            />
          );
        }}
      </For>
    </svg>
  );
}
