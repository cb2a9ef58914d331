-- The event page shows the feedback summary (number of answers, mean rating) once its organizers
-- publish it, so a new or changed answer changes a public page: feedback requests raise the
-- public revision like every other table whose rows a public page shows (see 0016).
CREATE TRIGGER feedback_requests_public_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "feedback_requests"
  FOR EACH STATEMENT EXECUTE FUNCTION koda_public_revision();
