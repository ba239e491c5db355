/** Routes each sync event to the handler for its type. */
import type { SyncEvent } from '../../src/core/events';
import type { Queryable } from '../db/types';
import { handleAttachment, handleCreate, handleFeedback } from './handle-citizen';
import { handleDraftReport } from './handle-drafts';
import { handleNote, handlePhotoAdded, handleStatusChange } from './handle-staff';
import { handleVisit } from './handle-visit';
import type { Applied, SyncContext } from './types';

export function runHandler(tx: Queryable, ctx: SyncContext, e: SyncEvent): Promise<Applied> {
  switch (e.type) {
    case 'create_request':
      return handleCreate(tx, ctx, e);
    case 'feedback':
      return handleFeedback(tx, ctx, e);
    case 'attachment_added':
      return handleAttachment(tx, ctx, e);
    case 'status_change':
      return handleStatusChange(tx, ctx, e);
    case 'note':
      return handleNote(tx, ctx, e);
    case 'log_visit':
      return handleVisit(tx, ctx, e);
    case 'photo_added':
      return handlePhotoAdded(tx, ctx, e);
    case 'draft_report':
      return handleDraftReport(tx, ctx, e);
  }
}
