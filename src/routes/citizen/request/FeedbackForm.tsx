/**
 * The question asked when a request is resolved: "Is it fixed?" (yes,
 * partly, no; optional) and "How satisfied are you?" on five levels named
 * in words, and why (optional). The same question the e-mail and SMS link
 * to. Queued like everything else, so it works offline.
 */
import { Show, createSignal } from 'solid-js';
import { FIXED_ANSWERS, type FixedAnswer } from '../../../core/events';
import { addFeedback } from '../../../db/feedback';
import { StorageFullError } from '../../../db/errors';
import { t } from '../../../i18n';
import { requestFlush } from '../../../sync/start';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { ChoiceGroup, TextAreaField } from '../../../ui/Field';

const LEVELS = [5, 4, 3, 2, 1] as const;

export function FeedbackForm(props: { requestId: string }) {
  const [fixed, setFixed] = createSignal<FixedAnswer | undefined>();
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
      await addFeedback(props.requestId, r, comment(), fixed());
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
          id="feedback-fixed"
          type="radio"
          label={t('feedback.fixedQuestion')}
          listen={t('feedback.fixedQuestion')}
          optional
          options={FIXED_ANSWERS.map((a) => ({ value: a, label: t(`feedback.fixed.${a}`) }))}
          isChecked={(v) => fixed() === v}
          onChange={(v, checked) => checked && setFixed(FIXED_ANSWERS.find((a) => a === v))}
        />
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
