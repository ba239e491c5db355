/**
 * How a channel reports a failed send: permanent (the address or
 * subscription is wrong, the channel is not configured — trying again cannot
 * help) or temporary (network, a busy gateway — try again later).
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** HTTP answers worth retrying: timeouts, rate limits, server trouble. */
export function isTemporaryStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
