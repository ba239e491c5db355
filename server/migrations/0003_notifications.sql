-- Notifications: which channels the person agreed to, their push subscriptions, and one row per
-- message to send (written in the same transaction as the public change, sent by the worker).

-- E-mail and SMS need the person's consent and the detail itself; push consent is the subscription.
ALTER TABLE requests
  ADD COLUMN notify_email boolean NOT NULL DEFAULT false,
  ADD COLUMN notify_sms boolean NOT NULL DEFAULT false,
  -- Set by the one-click stop: no message about this request is written or sent afterwards.
  ADD COLUMN notify_stopped_at timestamptz,
  -- The answer to "Is it fixed?" given with the satisfaction rating.
  ADD COLUMN fixed text CHECK (fixed IN ('yes', 'partly', 'no'));

-- Requests made before this migration: consent then covered every contact detail given.
UPDATE requests SET
  notify_email = contact_consent AND contact_email IS NOT NULL,
  notify_sms = contact_consent AND contact_phone IS NOT NULL;

CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  endpoint text NOT NULL,
  -- The browser's P-256 public key and auth secret (base64url), needed to encrypt each payload.
  p256dh text NOT NULL,
  auth text NOT NULL,
  language text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (request_id, endpoint)
);

CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES requests (id),
  event_seq bigint NOT NULL REFERENCES request_events (seq),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  -- For push: which device. Not a foreign key, so removing a subscription keeps the record of what was sent.
  subscription_id uuid,
  kind text NOT NULL CHECK (kind IN ('acknowledged', 'status', 'duplicate', 'resolved', 'reopened', 'message')),
  language text NOT NULL,
  -- The facts of the change at the time (status, message, due date, original's tracking number).
  data jsonb NOT NULL,
  -- pending -> sending -> delivered | retry (-> sending …) | failed; cancelled by the one-click stop.
  state text NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'delivered', 'retry', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- No attempt starts after this (72 hours after the change).
  give_up_at timestamptz NOT NULL,
  claimed_by text,
  claimed_at timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE state IN ('pending', 'retry');
CREATE INDEX notifications_sending_idx ON notifications (claimed_at) WHERE state = 'sending';
CREATE INDEX notifications_request_idx ON notifications (request_id);
CREATE INDEX notifications_created_idx ON notifications (created_at DESC);
