/**
 * One figure of the dashboard: a heading, the sentence that says what it
 * shows (also the chart's accessible name), a small SVG chart, and the same
 * figures as data tables behind a disclosure, each with a CSV download made
 * from the table's own data.
 */
import { For, Show, type JSX } from 'solid-js';
import { Bars, type Point } from './Bars';
import { st } from '../i18n';
import { downloadCsv, toCsv, type CsvValue } from './csv';

export interface TableData {
  /** Names the table and its CSV file. */
  readonly id: string;
  readonly caption: string;
  readonly head: readonly string[];
  /** Each row: what the page shows, and the raw value for the CSV (null: empty). */
  readonly rows: readonly { readonly text: readonly string[]; readonly csv: readonly CsvValue[] }[];
}

export interface FigureData {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly chart?: { readonly points: readonly Point[]; readonly max?: number } | undefined;
  readonly tables: readonly TableData[];
  /** A plain caveat under the summary (few answers, correlation is not a cause). */
  readonly note?: string | undefined;
}

function DataTable(props: { table: TableData }): JSX.Element {
  const download = () =>
    downloadCsv(
      `${props.table.id}.csv`,
      toCsv(
        props.table.head,
        props.table.rows.map((r) => r.csv),
      ),
    );
  return (
    <div class="dash-table">
      <div class="dash-table__scroll" role="region" aria-label={props.table.caption} tabIndex={0}>
        <table class="staff-table">
          <caption class="caption">{props.table.caption}</caption>
          <thead>
            <tr>
              <For each={props.table.head}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.table.rows} fallback={<EmptyRow span={props.table.head.length} />}>
              {(r) => (
                <tr>
                  <For each={r.text}>
                    {(cell, i) =>
                      i() === 0 ? (
                        <th scope="row">{cell}</th>
                      ) : (
                        <td data-label={props.table.head[i()]}>{cell}</td>
                      )
                    }
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <button type="button" class="button button--secondary" onClick={download}>
        {st('dashboard.download')}
        <span class="visually-hidden"> {props.table.caption}</span>
      </button>
    </div>
  );
}

function EmptyRow(props: { span: number }): JSX.Element {
  return (
    <tr>
      <td colSpan={props.span}>{st('dashboard.noRows')}</td>
    </tr>
  );
}

export function Figure(props: { figure: FigureData; children?: JSX.Element }): JSX.Element {
  const f = () => props.figure;
  return (
    <section class="dash-figure" aria-labelledby={`${f().id}-title`}>
      <h2 id={`${f().id}-title`} class="heading-m">
        {f().title}
      </h2>
      <p id={`${f().id}-summary`}>{f().summary}</p>
      <Show when={f().note}>{(n) => <p class="dash-note">{n()}</p>}</Show>
      <Show when={f().chart}>
        {(c) => <Bars points={c().points} summaryId={`${f().id}-summary`} max={c().max} />}
      </Show>
      {props.children}
      <details class="dash-details">
        <summary>{st('dashboard.showTables', { title: f().title })}</summary>
        <For each={f().tables}>{(t) => <DataTable table={t} />}</For>
      </details>
    </section>
  );
}
