ALTER TABLE "registration_questions" ADD COLUMN "original_lang" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
-- Until now the original was inferred: the first of et, ru, en the label has no translation in.
UPDATE "registration_questions" SET "original_lang" = CASE
  WHEN "translations"->'label'->>'et' IS NULL THEN 'et'
  WHEN "translations"->'label'->>'ru' IS NULL THEN 'ru'
  WHEN "translations"->'label'->>'en' IS NULL THEN 'en'
  ELSE 'et' END;
