/** /officer/sign-in: the sign-in form on its own (also for signing in again after the session ended). */
import SignIn from './SignIn';

export default function SignInPage() {
  return <SignIn />;
}
