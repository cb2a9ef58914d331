-- Feedback answers outlive the registration's personal data (issue 20): the purge sets
-- registration_id to null once a registration is anonymised, so an answer is linked to nobody;
-- the aggregate keeps counting it. Still unique while set: one answer per registration.
ALTER TABLE "feedback_requests" DROP CONSTRAINT "feedback_requests_registration_id_registrations_id_fk";
--> statement-breakpoint
ALTER TABLE "feedback_requests" ALTER COLUMN "registration_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;