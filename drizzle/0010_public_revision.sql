CREATE TABLE "public_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "public_revision_one_row" CHECK ("public_revision"."id" = 1)
);
