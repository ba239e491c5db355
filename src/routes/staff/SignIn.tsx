/**
 * /staff/sign-in: e-mail and password against the existing session cookie
 * (POST /api/auth/login). A wrong password and the sign-in rate limit (429,
 * with how long to wait) each get their own plain message; what was typed
 * stays. On success the desk opens where the person was going.
 */
import { Show, createSignal } from 'solid-js';
import { signIn } from '../../sync/staff/api';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { ErrorMessage, TextField } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { useNavigate, useSearchParams } from '../router';
import { st } from './i18n';
import { signedIn } from './session';
import { StaffFrame } from './StaffFrame';
import { problemText } from './problems';

/** Only a desk address: never send someone off to another site after signing in. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/|\?|$)/.test(next) ? next : '/staff';
}

function SignInForm() {
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next?: string; signed_out?: string }>();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryItem[]>([]);
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const fieldError = (id: string) => errors().find((e) => e.target === id)?.message;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: SummaryItem[] = [];
    if (!email().trim()) missing.push({ target: 'staff-email', message: st('signIn.emailMissing') });
    if (!password()) missing.push({ target: 'staff-password', message: st('signIn.passwordMissing') });
    if (missing.length === 0) {
      setBusy(true);
      const r = await signIn(email().trim(), password());
      setBusy(false);
      if (r.ok) {
        signedIn(r.value.user);
        navigate(safeNext(search.next), { replace: true });
        return;
      }
      if (r.reason === 'invalid_credentials')
        missing.push({ target: 'staff-password', message: st('signIn.wrong') });
      else if (r.problem === 'rate_limited')
        missing.push({
          message: st('signIn.tooMany', { count: Math.max(1, Math.ceil((r.retryAfter ?? 60) / 60)) }),
        });
      else missing.push({ message: problemText(r.problem) });
    }
    setErrors(missing);
    setAttempt((n) => n + 1);
  };

  return (
    <>
      <PageHeading>{st('signIn.title')}</PageHeading>
      <Show when={search.signed_out}>
        <p class="staff-notice" role="status">
          {st('signIn.signedOut')}
        </p>
      </Show>
      <ErrorSummary items={errors()} attempt={attempt()} />
      <form class="form" novalidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="staff-email"
          label={st('signIn.email')}
          type="email"
          autocomplete="username"
          spellcheck={false}
          dir="ltr"
          value={email()}
          onInput={setEmail}
          error={fieldError('staff-email')}
        />
        <div class="field" classList={{ 'field--error': !!fieldError('staff-password') }}>
          <label class="label" for="staff-password">
            {st('signIn.password')}
          </label>
          <Show when={fieldError('staff-password')}>
            {(m) => <ErrorMessage id="staff-password-error">{m()}</ErrorMessage>}
          </Show>
          <input
            id="staff-password"
            name="staff-password"
            class="input input--medium"
            type="password"
            autocomplete="current-password"
            dir="ltr"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-describedby={fieldError('staff-password') ? 'staff-password-error' : undefined}
            aria-invalid={fieldError('staff-password') ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button" disabled={busy()}>
          {st('signIn.submit')}
        </button>
      </form>
    </>
  );
}

export default function SignIn() {
  return <StaffFrame signIn={false}>{() => <SignInForm />}</StaffFrame>;
}
