/** The sync event variants by type, for handlers that take one kind each. */
import type { SyncEvent } from '../../src/core/events';

export type EventOf<T extends SyncEvent['type']> = Extract<SyncEvent, { type: T }>;
export type CreateRequestEvent = EventOf<'create_request'>;
export type LogVisitEvent = EventOf<'log_visit'>;
export type StatusChangeEvent = EventOf<'status_change'>;
export type NoteEvent = EventOf<'note'>;
export type FeedbackEvent = EventOf<'feedback'>;
export type AttachmentAddedEvent = EventOf<'attachment_added'>;
export type PhotoAddedEvent = EventOf<'photo_added'>;
export type DraftReportEvent = EventOf<'draft_report'>;
