import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core';
import { validateRequest } from '../../../src/core/validate';
import { uuidv7 } from '../../../src/core/ids';
import { normalizeTracking } from '../../../src/core/tracking';
import { dueDate } from '../../../src/core/service-level';
import { canTransition } from '../../../src/core/lifecycle';
import { syncEventSchema } from '../../../src/core/events';
import { localizeService } from '../../../src/core/catalog';
import { matchLanguage } from '../../../src/core/lang';

describe('src/core index', () => {
  it('re-exports every module’s public API', () => {
    expect(core.validateRequest).toBe(validateRequest);
    expect(core.uuidv7).toBe(uuidv7);
    expect(core.normalizeTracking).toBe(normalizeTracking);
    expect(core.dueDate).toBe(dueDate);
    expect(core.canTransition).toBe(canTransition);
    expect(core.syncEventSchema).toBe(syncEventSchema);
    expect(core.localizeService).toBe(localizeService);
    expect(core.matchLanguage).toBe(matchLanguage);
    expect(core.STATUSES).toContain('in_progress');
    expect(core.requestFieldsSchema).toBeDefined();
  });
});
