/**
 * "Remove my contact details", the page's side: POST
 * /api/requests/{tracking}/forget-contact with the request's access token.
 * Answers a plain outcome the page words; never throws for network trouble.
 */
export type ForgetOutcome = 'done' | 'offline' | 'failed';

export async function forgetContact(tracking: string, token: string): Promise<ForgetOutcome> {
  if (!navigator.onLine) return 'offline';
  try {
    const res = await fetch(`/api/requests/${encodeURIComponent(tracking)}/forget-contact`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Access-Token': token },
      body: '{}',
    });
    return res.ok ? 'done' : 'failed';
  } catch {
    // fetch rejects only when no answer came.
    return 'offline';
  }
}
