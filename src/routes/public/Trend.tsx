/**
 * One trend of the scorecard: a heading, a sentence saying what the chart
 * shows, the bar chart, and the same figures as a table.
 */
import { For, type JSX } from 'solid-js';
import type { BarPoint } from '../../ui/charts/BarChart';
import { BarChart } from '../../ui/charts/BarChart';
import { t } from '../../i18n';

export function Trend(props: {
  id: string;
  title: string;
  summary: string;
  points: readonly (BarPoint & { text: string })[];
  max?: number;
}): JSX.Element {
  return (
    <section class="section" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`} class="heading-s">
        {props.title}
      </h3>
      <p id={`${props.id}-summary`}>{props.summary}</p>
      <BarChart
        points={props.points}
        summaryId={`${props.id}-summary`}
        {...(props.max ? { max: props.max } : {})}
      />
      {/* In a box of its own that scrolls, like the league tables: at the largest
          text a month's longest words can be wider than a 320 px phone. */}
      <div
        class="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={`${props.title}: ${t('scorecard.tableCaption')}`}
      >
        <table class="score-table">
          <caption class="caption">{t('scorecard.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scorecard.month')}</th>
              <th scope="col">{props.title}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.points}>
              {(p) => (
                <tr>
                  <th scope="row">{p.label}</th>
                  <td>{p.text}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
