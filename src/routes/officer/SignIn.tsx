/**
 * Sign in once while online. Also the page an officer whose session ended
 * comes back to: the work on the device waits and goes after signing in.
 */
import { Show, createSignal } from 'solid-js';
import { ErrorSummary, type SummaryItem } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { PageHeading } from '../../ui/PageHeading';
import { useNavigate } from '../router';
import { ot, useOfficerWords, type OfficerKey } from './i18n';
import { officerSession, officerSignIn } from './session';
import { startOfficerSync, syncNow } from './sync-state';

export default function SignIn() {
  useOfficerWords();
  const navigate = useNavigate();
  const [email, setEmail] = createSignal(officerSession()?.user.email ?? '');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<{ email?: string; password?: string; form?: string }>({});
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);

  const items = (): SummaryItem[] => {
    const e = errors();
    return [
      ...(e.form ? [{ target: 'officer-email', message: e.form }] : []),
      ...(e.email ? [{ target: 'officer-email', message: e.email }] : []),
      ...(e.password ? [{ target: 'officer-password', message: e.password }] : []),
    ];
  };

  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const found = {
      ...(email().trim() === '' ? { email: ot('signIn.errors.email') } : {}),
      ...(password() === '' ? { password: ot('signIn.errors.password') } : {}),
    };
    if (found.email || found.password) {
      setErrors(found);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const r = await officerSignIn(email().trim(), password());
    setBusy(false);
    if (!r.ok) {
      const form =
        r.problem === 'other_officer'
          ? ot('signIn.otherOfficer', { email: officerSession()?.user.email ?? '' })
          : ot(`signIn.errors.${r.problem}` as OfficerKey);
      setErrors({ form });
      setAttempt((n) => n + 1);
      return;
    }
    setPassword('');
    startOfficerSync();
    await syncNow();
    if (location.pathname === '/officer/sign-in') navigate('/officer', { replace: true });
  };

  return (
    <>
      <PageHeading>{ot('signIn.title')}</PageHeading>
      <p>{officerSession()?.ended ? ot('signIn.again') : ot('signIn.intro')}</p>
      <ErrorSummary items={items()} attempt={attempt()} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="officer-email"
          label={ot('signIn.email')}
          type="email"
          autocomplete="username"
          dir="ltr"
          spellcheck={false}
          value={email()}
          onInput={setEmail}
          error={errors().email}
        />
        <div class="field" classList={{ 'field--error': !!errors().password }}>
          <label class="label" for="officer-password">
            {ot('signIn.password')}
          </label>
          <Show when={errors().password}>
            {(m) => (
              <p id="officer-password-error" class="error-message">
                {m()}
              </p>
            )}
          </Show>
          <input
            id="officer-password"
            class="input input--medium"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors().password ? 'true' : undefined}
            aria-describedby={errors().password ? 'officer-password-error' : undefined}
          />
        </div>
        <button type="submit" class="button" disabled={busy()}>
          {ot('signIn.submit')}
        </button>
      </form>
    </>
  );
}
