/**
 * The one question asked when a request is resolved: "How satisfied are
 * you?" on five levels named in words, and why (optional). Queued like
 * everything else, so it works offline.
 */
import { Show, createSignal } from 'solid-js';
import { addFeedback } from '../../../db/feedback';
import { StorageFullError } from '../../../db/errors';
import { t } from '../../../i18n';
import { requestFlush } from '../../../sync/start';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { ChoiceGroup, TextAreaField } from '../../../ui/Field';

const LEVELS = [5, 4, 3, 2, 1] as const;

export function FeedbackForm(props: { requestId: string }) {
  const [rating, setRating] = createSignal<number | undefined>();
  const [comment, setComment] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [attempt, setAttempt] = createSignal(0);
  const [problem, setProblem] = createSignal<string | undefined>();

  const send = async () => {
    const r = rating();
    if (r === undefined) {
      setError(t('feedback.required'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    try {
      await addFeedback(props.requestId, r, comment());
      requestFlush();
    } catch (e) {
      setProblem(t(e instanceof StorageFullError ? 'form.storageFull' : 'feedback.failed'));
    }
  };

  return (
    <section class="section feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title" class="heading-m">
        {t('feedback.title')}
      </h2>
      <ErrorSummary
        items={error() ? [{ target: 'feedback-rating', message: error() ?? '' }] : []}
        attempt={attempt()}
      />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ChoiceGroup
          id="feedback-rating"
          type="radio"
          label={t('feedback.question')}
          listen={t('feedback.question')}
          error={error()}
          options={LEVELS.map((n) => ({ value: String(n), label: t(`feedback.levels.l${n}`) }))}
          isChecked={(v) => rating() === Number(v)}
          onChange={(v, checked) => checked && setRating(Number(v))}
        />
        <TextAreaField
          id="feedback-comment"
          label={t('feedback.commentLabel')}
          optional
          rows={3}
          value={comment()}
          onInput={setComment}
        />
        <Show when={problem()}>
          {(p) => (
            <div class="warning" role="alert">
              <p>{p()}</p>
            </div>
          )}
        </Show>
        <button type="submit" class="button">
          {t('feedback.send')}
        </button>
      </form>
    </section>
  );
}
