-- Emergency transfers and conferences of a call (紧急转接/三方通话), in order:
-- [{kind: redirect|blind|attended|conference, target, at, result: requested|success|failed}].
-- transfer_target keeps the last target for older readers.
ALTER TABLE call_record ADD COLUMN transfers JSONB NOT NULL DEFAULT '[]'::jsonb;
