CREATE TYPE "public"."follow_frequency" AS ENUM('immediate', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."follow_target" AS ENUM('municipality', 'series', 'plan', 'plan_item');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('text', 'longtext', 'choice', 'choices', 'yesno');--> statement-breakpoint
CREATE TABLE "feedback_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"registration_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"rating" integer,
	"good" text,
	"improve" text,
	"come_again" boolean,
	"answered_at" timestamp with time zone,
	CONSTRAINT "feedback_requests_registrationId_unique" UNIQUE("registration_id"),
	CONSTRAINT "feedback_requests_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "feedback_rating_range" CHECK ("feedback_requests"."rating" IS NULL OR "feedback_requests"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "follow_unsubscribe_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_unsubscribe_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"follow_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_unsubscribe_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"lang" text DEFAULT 'et' NOT NULL,
	"target" "follow_target" NOT NULL,
	"municipality_id" integer,
	"plan_id" integer,
	"plan_item_id" integer,
	"series" text,
	"frequency" "follow_frequency" DEFAULT 'immediate' NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"notified_until" timestamp with time zone,
	CONSTRAINT "follows_confirmTokenHash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
CREATE TABLE "registration_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registration_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" "question_kind" NOT NULL,
	"label" text NOT NULL,
	"help" text,
	"required" boolean DEFAULT false NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "feedback_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_unsubscribe_tokens" ADD CONSTRAINT "follow_unsubscribe_tokens_follow_id_follows_id_fk" FOREIGN KEY ("follow_id") REFERENCES "public"."follows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_plan_item_id_action_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_requests_event_idx" ON "feedback_requests" USING btree ("event_id","answered_at");--> statement-breakpoint
CREATE INDEX "follow_unsubscribe_tokens_follow_idx" ON "follow_unsubscribe_tokens" USING btree ("follow_id");--> statement-breakpoint
CREATE INDEX "follows_email_idx" ON "follows" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "follows_confirmed_idx" ON "follows" USING btree ("confirmed_at");--> statement-breakpoint
CREATE INDEX "registration_questions_event_idx" ON "registration_questions" USING btree ("event_id","position");