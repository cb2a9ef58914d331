ALTER TABLE "outbox" ADD COLUMN "render" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_unwritten_idx" ON "outbox" USING btree ("id") WHERE "outbox"."render" is not null;--> statement-breakpoint
-- Registering in one statement (issue 22). The event's row lock (SELECT … FOR UPDATE) decides who
-- takes a seat, as before, but every step under it is here: each statement of a plpgsql function
-- takes its snapshot when it starts, so the statements after the lock see every registration
-- committed before it, and the lock is held for this call only, with no round trip to the
-- application in between (before: nine statements, the confirmation's text and .ics rendered,
-- between taking the lock and the commit). The email is stored as the data it is written from
-- (outbox.render); the application writes it after the commit.
--
-- p_registration: name, email, organization, needs, answers, attendance, lang, manageTokenHash,
-- followUp. p_render: what the email is written from (lang, attendance, manageUrl); kind and
-- position are added here. Answers one row: r_outcome 'confirmed' | 'waitlisted' | 'refused'
-- (full, no waitlist) | 'changed' (the event no longer takes registrations at p_now: the caller
-- reads it again), r_position (the waitlist place given, or that a new registration would get),
-- r_registration_id and r_outbox_id (new), or r_existing_id and r_existing_created_at (the address
-- is registered already: nothing is stored).
CREATE FUNCTION koda_register(p_event_id integer, p_now timestamptz, p_registration jsonb, p_render jsonb)
RETURNS TABLE (
  r_outcome text,
  r_position integer,
  r_registration_id integer,
  r_outbox_id integer,
  r_existing_id integer,
  r_existing_created_at timestamptz
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_event record;
  v_found boolean;
  v_confirmed integer;
  v_waitlisted integer;
  v_last_waitlisted timestamptz;
  v_attendance text := p_registration->>'attendance';
  v_at timestamptz;
BEGIN
  SELECT e.status, e.starts_at, e.registration_opens_at, e.registration_closes_at, e.capacity, e.waitlist
    INTO v_event FROM events e WHERE e.id = p_event_id FOR UPDATE;
  -- registrationWindow (src/registrations/rules.ts) at p_now, under the lock.
  IF NOT FOUND OR v_event.status <> 'published' OR p_now >= v_event.starts_at
     OR (v_event.registration_closes_at IS NOT NULL AND p_now >= v_event.registration_closes_at)
     OR (v_event.registration_opens_at IS NOT NULL AND p_now < v_event.registration_opens_at) THEN
    r_outcome := 'changed';
    RETURN NEXT;
    RETURN;
  END IF;
  SELECT r.id, r.created_at INTO r_existing_id, r_existing_created_at FROM registrations r
    WHERE r.event_id = p_event_id AND r.status <> 'cancelled'
      AND lower(r.email) = lower(p_registration->>'email')
    LIMIT 1;
  v_found := FOUND;
  SELECT count(*) FILTER (WHERE r.status = 'confirmed'),
         count(*) FILTER (WHERE r.status = 'waitlisted'),
         max(r.created_at) FILTER (WHERE r.status = 'waitlisted')
    INTO v_confirmed, v_waitlisted, v_last_waitlisted
    FROM registrations r WHERE r.event_id = p_event_id AND r.attendance = 'in_person';
  -- seatOutcome (src/registrations/rules.ts): online is never capped; in person fills the
  -- capacity (null: unlimited), then the waitlist if the event has one.
  IF v_attendance = 'online' OR v_event.capacity IS NULL OR v_confirmed < v_event.capacity THEN
    r_outcome := 'confirmed';
  ELSIF v_event.waitlist THEN
    r_outcome := 'waitlisted';
    -- Waitlist order is the lock's order: the next place.
    r_position := v_waitlisted + 1;
  ELSE
    r_outcome := 'refused';
  END IF;
  IF r_outcome = 'refused' OR v_found THEN
    IF NOT v_found THEN
      r_existing_id := NULL;
      r_existing_created_at := NULL;
    END IF;
    RETURN NEXT;
    RETURN;
  END IF;
  -- Never earlier than the newest waitlisted registration (another process's clock may lag), so
  -- the time order is the lock's order (ties go by id, also given in the lock's order).
  v_at := greatest(p_now, v_last_waitlisted);
  INSERT INTO registrations (event_id, name, email, organization, needs, answers, attendance, lang,
      status, manage_token_hash, consent_at, follow_up_consent_at, created_at, updated_at)
    VALUES (p_event_id, p_registration->>'name', p_registration->>'email',
      p_registration->>'organization', p_registration->>'needs',
      coalesce(p_registration->'answers', '{}'::jsonb), v_attendance::attendance,
      p_registration->>'lang', r_outcome::registration_status,
      p_registration->>'manageTokenHash', p_now,
      CASE WHEN (p_registration->>'followUp')::boolean THEN p_now END, v_at, v_at)
    RETURNING id INTO r_registration_id;
  INSERT INTO outbox (kind, recipient, event_id, subject, "text", render, status, next_attempt_at, created_at)
    VALUES ('registration.' || r_outcome, p_registration->>'email', p_event_id, '', '',
      p_render || jsonb_build_object('kind', r_outcome, 'position', r_position),
      'pending', p_now, p_now)
    RETURNING id INTO r_outbox_id;
  RETURN NEXT;
END $$;
