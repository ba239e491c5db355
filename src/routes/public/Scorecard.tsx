/**
 * /scorecard: how well the council is doing, for anyone, without signing in —
 * the whole council's figures, two 12-month trends, and league tables by
 * group and by service. Aggregates only (the server sends no personal data).
 * Works offline once visited: the service worker keeps the last answer.
 */
import { Match, Show, Switch, createMemo, createResource } from 'solid-js';
import type { PublicScorecard } from '../../core/scorecard';
import { language, t } from '../../i18n';
import { formatDay } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { fetchScorecard } from '../../sync/public/scorecard';
import { monthName, nameIn, percent, whole } from './format';
import { ScoreTable, cells } from './ScoreTable';
import { Trend } from './Trend';

function Figures(props: { card: PublicScorecard }) {
  const lang = language;
  const c = () => cells(props.card.council.figures);
  const trend = () => props.card.council.trend;
  const received = createMemo(() =>
    trend().map((m) => ({
      label: monthName(m.month, lang()),
      value: m.figures.received,
      text: whole(m.figures.received, lang()),
    })),
  );
  const onTime = createMemo(() =>
    trend().map((m) => ({
      label: monthName(m.month, lang()),
      value: m.figures.on_time_share,
      text:
        m.figures.on_time_share === null
          ? t('scorecard.notEnough')
          : percent(m.figures.on_time_share, lang()),
    })),
  );
  const busiest = () => [...trend()].sort((a, b) => b.figures.received - a.figures.received)[0];
  const lastShare = () => [...trend()].reverse().find((m) => m.figures.on_time_share !== null);
  const total = () => trend().reduce((s, m) => s + m.figures.received, 0);
  const receivedSummary = () => {
    const b = busiest();
    return total() === 0 || !b
      ? t('scorecard.noneYet')
      : t('scorecard.receivedSummary', {
          total: whole(total(), lang()),
          month: monthName(b.month, lang()),
          count: whole(b.figures.received, lang()),
        });
  };
  const onTimeSummary = () => {
    const m = lastShare();
    return m && m.figures.on_time_share !== null
      ? t('scorecard.onTimeSummary', {
          month: monthName(m.month, lang()),
          share: percent(m.figures.on_time_share, lang()),
        })
      : t('scorecard.notEnoughYet');
  };
  const groupName = (code: string) =>
    nameIn(props.card.groups.find((g) => g.code === code)?.names ?? {}, lang());
  return (
    <>
      <p>
        {t('scorecard.intro', {
          council: props.card.jurisdiction,
          from: formatDay(props.card.period.from, lang()),
          today: formatDay(props.card.period.today, lang()),
        })}
      </p>
      <section class="section" aria-labelledby="score-council">
        <h2 id="score-council" class="heading-m">
          {t('scorecard.council')}
        </h2>
        <dl class="score-figures">
          <div>
            <dt>{t('scorecard.received')}</dt>
            <dd>{c().received}</dd>
          </div>
          <div>
            <dt>{t('scorecard.onTime')}</dt>
            <dd>{c().onTime}</dd>
          </div>
          <div>
            <dt>{t('scorecard.median')}</dt>
            <dd>{c().median}</dd>
          </div>
          <div>
            <dt>{t('scorecard.satisfaction')}</dt>
            <dd>{c().satisfaction}</dd>
          </div>
        </dl>
        <Trend
          id="trend-received"
          title={t('scorecard.receivedTrend')}
          summary={receivedSummary()}
          points={received()}
        />
        <Trend
          id="trend-on-time"
          title={t('scorecard.onTimeTrend')}
          summary={onTimeSummary()}
          points={onTime()}
          max={1}
        />
      </section>
      <section class="section" aria-labelledby="score-tables">
        <h2 id="score-tables" class="heading-m">
          {t('scorecard.byService')}
        </h2>
        <ScoreTable
          caption={t('scorecard.groups')}
          nameHeading={t('scorecard.group')}
          lines={props.card.groups.map((g) => ({
            key: g.code,
            name: nameIn(g.names, lang()),
            figures: g.figures,
          }))}
        />
        <ScoreTable
          caption={t('scorecard.services')}
          nameHeading={t('scorecard.service')}
          lines={props.card.services.map((s) => ({
            key: s.code,
            name: `${nameIn(s.names, lang())} (${groupName(s.group_code)})`,
            figures: s.figures,
          }))}
        />
      </section>
      <p class="caption">{t('scorecard.privacy', { n: props.card.min_n })}</p>
    </>
  );
}

export default function Scorecard() {
  const [card] = createResource(fetchScorecard);
  return (
    <>
      <PageHeading>{t('scorecard.title')}</PageHeading>
      <Switch>
        <Match when={card.loading}>
          <p role="status">{t('scorecard.loading')}</p>
        </Match>
        <Match when={card() === 'offline'}>
          <p role="alert">{t('scorecard.offline')}</p>
        </Match>
        <Match when={card() === 'failed'}>
          <p role="alert">{t('scorecard.failed')}</p>
        </Match>
        <Match when={typeof card() === 'object'}>
          <Show when={card() as PublicScorecard}>{(c) => <Figures card={c()} />}</Show>
        </Match>
      </Switch>
    </>
  );
}
