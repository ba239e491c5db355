/** Where zod found input wrong, as dotted paths a client can act on ('events.3.request.location'). */
import type { z } from 'zod';

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

/** Any zod error: from the server's own schemas (classic) or the shared core ones (zod/mini). */
export function issueFields(error: z.core.$ZodError): string[] {
  const fields = error.issues.flatMap((i) =>
    // An unknown field is named itself, not by the object that holds it.
    i.code === 'unrecognized_keys' ? i.keys.map((k) => pathOf([...i.path, k])) : [pathOf(i.path)],
  );
  return [...new Set(fields)].slice(0, 50);
}
