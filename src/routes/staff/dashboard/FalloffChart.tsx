/**
 * Satisfaction by working days to resolution for one service, in SVG: a bar
 * per day count (average rating, 0–5), a dashed line after the day where
 * satisfaction falls off and a solid one at the service level. Its
 * accessible name is the sentence beside it; the figures are in the table.
 */
import { For, Show, type JSX } from 'solid-js';

const W = 320;
const H = 100;

export function FalloffChart(props: {
  buckets: readonly { days: number; average: number | null }[];
  falloff: number | null;
  level: number;
  summaryId: string;
}): JSX.Element {
  const last = () => Math.max(props.level + 1, ...props.buckets.map((b) => b.days + 1));
  const x = (days: number) => (days / last()) * W;
  const step = () => W / last();
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${W} ${H + 2}`}
      role="img"
      aria-labelledby={props.summaryId}
      preserveAspectRatio="none"
    >
      <line x1="0" y1={H} x2={W} y2={H} class="bar-chart-axis" />
      <For each={props.buckets}>
        {(b) =>
          b.average === null ? null : (
            <rect
              x={x(b.days) + step() * 0.15}
              y={H - (b.average / 5) * (H - 4)}
              width={step() * 0.7}
              height={(b.average / 5) * (H - 4)}
              class="bar-chart-bar"
            />
          )
        }
      </For>
      <line x1={x(props.level + 1)} y1="0" x2={x(props.level + 1)} y2={H} class="dash-level-line" />
      <Show when={props.falloff}>
        {(f) => <line x1={x(f() + 1)} y1="0" x2={x(f() + 1)} y2={H} class="dash-falloff-line" />}
      </Show>
    </svg>
  );
}
