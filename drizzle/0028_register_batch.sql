-- Registering in batches (issue 22). koda_register (drizzle/0023) took the event's row lock for
-- one registration, and the lock was held through its commit's WAL flush: in a rush every
-- registration of one event waited for the flush of the one before. koda_register_batch takes the
-- lock once for the registrations that arrived together (the application queues those that
-- arrive while the event's previous call runs: src/platform/batches.ts) and decides them one after
-- another in the array's order, exactly as koda_register decided each: one flush for the batch.
-- Each registration is checked at its own time (its window, its times); the seats are counted once
-- under the lock and kept as the batch takes them; each statement sees the rows the ones before it
-- inserted, so an address given twice in one batch is found as registered the second time.
--
-- p_items: [{ now, registration, render }], registration and render as koda_register's. Answers a
-- row per item: r_index (its place in p_items, from 0) and koda_register's columns.
CREATE FUNCTION koda_register_batch(p_event_id integer, p_items jsonb)
RETURNS TABLE (
  r_index integer,
  r_outcome text,
  r_position integer,
  r_registration_id integer,
  r_outbox_id integer,
  r_existing_id integer,
  r_existing_created_at timestamptz
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_event record;
  v_event_found boolean;
  v_confirmed integer;
  v_waitlisted integer;
  v_last_waitlisted timestamptz;
  v_item jsonb;
  v_registration jsonb;
  v_attendance text;
  v_now timestamptz;
  v_found boolean;
  v_at timestamptz;
BEGIN
  SELECT e.status, e.starts_at, e.registration_opens_at, e.registration_closes_at, e.capacity, e.waitlist
    INTO v_event FROM events e WHERE e.id = p_event_id FOR UPDATE;
  v_event_found := FOUND;
  IF v_event_found THEN
    SELECT count(*) FILTER (WHERE r.status = 'confirmed'),
           count(*) FILTER (WHERE r.status = 'waitlisted'),
           max(r.created_at) FILTER (WHERE r.status = 'waitlisted')
      INTO v_confirmed, v_waitlisted, v_last_waitlisted
      FROM registrations r WHERE r.event_id = p_event_id AND r.attendance = 'in_person';
  END IF;
  FOR v_index IN 0 .. jsonb_array_length(p_items) - 1 LOOP
    v_item := p_items->v_index;
    v_registration := v_item->'registration';
    v_attendance := v_registration->>'attendance';
    v_now := (v_item->>'now')::timestamptz;
    r_index := v_index;
    r_position := NULL;
    r_registration_id := NULL;
    r_outbox_id := NULL;
    r_existing_id := NULL;
    r_existing_created_at := NULL;
    -- registrationWindow (src/registrations/rules.ts) at the registration's time, under the lock.
    IF NOT v_event_found OR v_event.status <> 'published' OR v_now >= v_event.starts_at
       OR (v_event.registration_closes_at IS NOT NULL AND v_now >= v_event.registration_closes_at)
       OR (v_event.registration_opens_at IS NOT NULL AND v_now < v_event.registration_opens_at) THEN
      r_outcome := 'changed';
      RETURN NEXT;
      CONTINUE;
    END IF;
    SELECT r.id, r.created_at INTO r_existing_id, r_existing_created_at FROM registrations r
      WHERE r.event_id = p_event_id AND r.status <> 'cancelled'
        AND lower(r.email) = lower(v_registration->>'email')
      LIMIT 1;
    v_found := FOUND;
    -- seatOutcome (src/registrations/rules.ts): online is never capped; in person fills the
    -- capacity (null: unlimited), then the waitlist if the event has one.
    IF v_attendance = 'online' OR v_event.capacity IS NULL OR v_confirmed < v_event.capacity THEN
      r_outcome := 'confirmed';
    ELSIF v_event.waitlist THEN
      r_outcome := 'waitlisted';
      -- Waitlist order is the lock's order, and in a batch the array's: the next place.
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
      CONTINUE;
    END IF;
    -- Never earlier than the newest waitlisted registration (another process's clock may lag), so
    -- the time order is the lock's order (ties go by id, also given in the lock's order).
    v_at := greatest(v_now, v_last_waitlisted);
    INSERT INTO registrations (event_id, name, email, organization, needs, answers, attendance, lang,
        status, manage_token_hash, consent_at, follow_up_consent_at, created_at, updated_at)
      VALUES (p_event_id, v_registration->>'name', v_registration->>'email',
        v_registration->>'organization', v_registration->>'needs',
        coalesce(v_registration->'answers', '{}'::jsonb), v_attendance::attendance,
        v_registration->>'lang', r_outcome::registration_status,
        v_registration->>'manageTokenHash', v_now,
        CASE WHEN (v_registration->>'followUp')::boolean THEN v_now END, v_at, v_at)
      RETURNING id INTO r_registration_id;
    IF v_attendance = 'in_person' THEN
      IF r_outcome = 'confirmed' THEN
        v_confirmed := v_confirmed + 1;
      ELSE
        v_waitlisted := v_waitlisted + 1;
        v_last_waitlisted := v_at;
      END IF;
    END IF;
    INSERT INTO outbox (kind, recipient, event_id, subject, "text", render, status, next_attempt_at, created_at)
      VALUES ('registration.' || r_outcome, v_registration->>'email', p_event_id, '', '',
        (v_item->'render') || jsonb_build_object('kind', r_outcome, 'position', r_position),
        'pending', v_now, v_now)
      RETURNING id INTO r_outbox_id;
    RETURN NEXT;
  END LOOP;
END $$;
--> statement-breakpoint
DROP FUNCTION koda_register(integer, timestamptz, jsonb, jsonb);
