-- Agent console (issue 6): possible duplicates are open orders of one category, newest first;
-- an agent's own day is the orders whose history names the agent since midnight.
CREATE INDEX work_order_open_category_idx ON work_order (category_code, created_at DESC)
  WHERE state IN ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CALLBACK');
CREATE INDEX order_event_actor_at_idx ON order_event (actor, at DESC);
CREATE INDEX call_record_agent_entered_idx ON call_record (agent, entered_at DESC);
