/**
 * Track by number: anyone with a tracking number and its access code can see
 * the request's status, due date and public updates. The number is forgiving
 * (case, spaces, dashes, a missing "CD" do not matter) and checked before
 * asking the server, so a typo gets a clear message at once.
 *
 * A kiosk receipt's QR code opens /track?number=CD-…#code=…: both fields are
 * filled from the address and the request is looked up at once, so the
 * person lands on it without typing. The code is in the fragment, which the
 * browser never sends, so it stays out of every server log.
 */
import { A, useLocation, useSearchParams } from '../router';
import { Show, createMemo, createResource, createSignal, onMount } from 'solid-js';
import { localizeService } from '../../core/catalog';
import { parseAccessCode } from '../../core/access-code';
import { normalizeTracking } from '../../core/tracking';
import { getService } from '../../db/catalog';
import { getRequestByTracking } from '../../db/requests';
import { fetchTracked, type TrackedRequest, type TrackProblem } from '../../sync/track';
import { language, t } from '../../i18n';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { formatDay } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { StatusBadge } from '../../ui/StatusBadge';
import { History, Timeline } from './request/Timeline';

type FieldProblems = { number?: string; code?: string };

function Result(props: { request: TrackedRequest }) {
  const [service] = createResource(() => props.request.service_code, getService);
  const [mine] = createResource(() => props.request.tracking, getRequestByTracking);
  const name = createMemo(() => {
    const s = service();
    return s ? localizeService(s, language()).service_name : props.request.service_name;
  });
  return (
    <section class="section" aria-labelledby="track-result-title">
      <h2 id="track-result-title" class="heading-m" tabIndex={-1}>
        {t('track.resultTitle')} <span dir="ltr">{props.request.tracking}</span>
      </h2>
      <Show when={name()}>{(n) => <p class="caption">{n()}</p>}</Show>
      <StatusBadge kind={props.request.status} listen />
      <p class="due">{t('requests.due', { date: formatDay(props.request.due, language()) })}</p>
      <Timeline state="sent" status={props.request.status} history={props.request.history} />
      <h3 class="heading-s">{t('confirmation.updatesTitle')}</h3>
      <History history={props.request.history} />
      <Show when={mine()}>
        {(r) => (
          <p>
            {t('track.onThisPhone')} <A href={`/requests/${r().id}`}>{t('track.openIt')}</A>
          </p>
        )}
      </Show>
    </section>
  );
}

/** The access code in an address's fragment (#code=…), or ''. */
function codeFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('code') ?? '';
}

export default function Track() {
  const [search] = useSearchParams<{ number?: string }>();
  const location = useLocation();
  const [number, setNumber] = createSignal(typeof search.number === 'string' ? search.number : '');
  const [code, setCode] = createSignal(codeFromHash(location.hash));
  const [problems, setProblems] = createSignal<FieldProblems>({});
  const [problem, setProblem] = createSignal<TrackProblem | undefined>();
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<TrackedRequest | undefined>();

  const summary = (): SummaryItem[] => {
    const p = problems();
    const items: SummaryItem[] = [];
    if (p.number) items.push({ target: 'track-number', message: p.number });
    if (p.code) items.push({ target: 'track-code', message: p.code });
    const other = problem();
    if (other) items.push({ message: t(`track.problem.${other}`) });
    return items;
  };

  const find = async () => {
    if (busy()) return;
    const canonical = normalizeTracking(number());
    const accessCode = parseAccessCode(code());
    const next: FieldProblems = {};
    if (number().trim() === '') next.number = t('track.errors.numberRequired');
    else if (!canonical) next.number = t('track.errors.numberInvalid');
    if (code().trim() === '') next.code = t('track.errors.codeRequired');
    else if (!accessCode) next.code = t('track.errors.codeInvalid');
    setProblems(next);
    setProblem(undefined);
    setResult(undefined);
    if (!canonical || !accessCode) {
      setAttempt((n) => n + 1);
      return;
    }
    setNumber(canonical);
    setBusy(true);
    const r = await fetchTracked(
      canonical,
      accessCode.kind === 'token' ? accessCode.token : accessCode.code,
      language(),
    );
    setBusy(false);
    if (r.ok) {
      setResult(r.request);
      document.getElementById('track-result-title')?.focus();
    } else {
      setProblem(r.problem);
      setAttempt((n) => n + 1);
    }
  };

  // Opened from a receipt's link with both filled in: look it up without a click.
  onMount(() => {
    if (number().trim() !== '' && code().trim() !== '') void find();
  });

  return (
    <>
      <ErrorSummary items={summary()} attempt={attempt()} />
      <PageHeading>{t('track.title')}</PageHeading>
      <p class="lead">{t('track.intro')}</p>
      <form
        class="form"
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <TextField
          id="track-number"
          label={t('track.numberLabel')}
          hint={t('track.numberHint')}
          error={problems().number}
          width="medium"
          dir="ltr"
          spellcheck={false}
          value={number()}
          onInput={setNumber}
        />
        <TextField
          id="track-code"
          label={t('track.codeLabel')}
          hint={t('track.codeHint')}
          error={problems().code}
          dir="ltr"
          spellcheck={false}
          value={code()}
          onInput={setCode}
        />
        <div class="form__actions">
          <button type="submit" class="button">
            {t('track.submit')}
          </button>
          <p class="saved-status" role="status">
            {busy() ? t('track.searching') : ''}
          </p>
        </div>
      </form>
      <Show when={result()}>{(r) => <Result request={r()} />}</Show>
    </>
  );
}
