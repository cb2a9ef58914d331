ALTER TABLE "action_item_updates" ADD COLUMN "due_date_moved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "action_item_updates" ADD COLUMN "previous_due_date" date;--> statement-breakpoint
-- Reports written before this column existed: a due date meant a move, 'infinity' a removal.
UPDATE "action_item_updates" SET "due_date_moved" = true WHERE "due_date" IS NOT NULL;--> statement-breakpoint
UPDATE "action_item_updates" SET "due_date" = NULL WHERE "due_date" = 'infinity';
