/**
 * The dashboard's bar chart in SVG, drawn here rather than shared with the
 * scorecard: a chart imported by two rooms would become a chunk of the
 * citizen's precache. One bar per point, a null value ("not enough yet") a
 * gap marked by a short dash on the axis. The picture is for sighted
 * readers; its accessible name is the summary sentence, and the table
 * beside it carries the same figures.
 */
import { For, type JSX } from 'solid-js';

export interface Point {
  readonly label: string;
  readonly value: number | null;
}

const W = 320;
const H = 100;

export function Bars(props: {
  points: readonly Point[];
  summaryId: string;
  max?: number | undefined;
}): JSX.Element {
  const max = () => props.max ?? Math.max(1, ...props.points.map((p) => p.value ?? 0));
  const step = () => W / Math.max(1, props.points.length);
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${W} ${H + 4}`}
      role="img"
      aria-labelledby={props.summaryId}
      preserveAspectRatio="none"
    >
      <line x1="0" y1={H} x2={W} y2={H} class="bar-chart-axis" />
      <For each={props.points}>
        {(p, i) => {
          const x = () => i() * step() + step() * 0.15;
          if (p.value === null)
            return <line x1={x()} y1={H + 3} x2={x() + step() * 0.7} y2={H + 3} class="dash-gap" />;
          const h = (p.value / max()) * (H - 4);
          return <rect x={x()} y={H - h} width={step() * 0.7} height={h} class="bar-chart-bar" />;
        }}
      </For>
    </svg>
  );
}
