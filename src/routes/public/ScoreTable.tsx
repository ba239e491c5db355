/** The scorecard's league table: one row per group or service, "not enough answers yet" where a figure is null. */
import { For, type JSX } from 'solid-js';
import type { ScoreFigures } from '../../core/scorecard';
import { language, t } from '../../i18n';
import { decimal, percent, whole } from './format';

export interface ScoreLine {
  readonly key: string;
  readonly name: string;
  readonly figures: ScoreFigures;
}

export function cells(f: ScoreFigures) {
  const lang = language();
  const none = t('scorecard.notEnough');
  return {
    received: whole(f.received, lang),
    onTime: f.on_time_share === null ? none : percent(f.on_time_share, lang),
    median: f.median_days === null ? none : decimal(f.median_days, lang),
    satisfaction: f.satisfaction === null ? none : decimal(f.satisfaction, lang),
  };
}

export function ScoreTable(props: {
  caption: string;
  nameHeading: string;
  lines: readonly ScoreLine[];
}): JSX.Element {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="score-table">
        <caption class="heading-s">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameHeading}</th>
            <th scope="col">{t('scorecard.received')}</th>
            <th scope="col">{t('scorecard.onTime')}</th>
            <th scope="col">{t('scorecard.median')}</th>
            <th scope="col">{t('scorecard.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>
            {(line) => {
              const c = () => cells(line.figures);
              return (
                <tr>
                  <th scope="row">{line.name}</th>
                  <td>{c().received}</td>
                  <td>{c().onTime}</td>
                  <td>{c().median}</td>
                  <td>{c().satisfaction}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
