-- Tokens made before scopes existed keep what they could do: every scope their user's role
-- allows (`admin` only for admins). Their expiry (a year from this migration) came with 0008.
UPDATE "api_tokens" SET "scopes" = CASE
  WHEN "users"."role" = 'admin' THEN ARRAY['read', 'events', 'registrations', 'plans', 'admin']::text[]
  ELSE ARRAY['read', 'events', 'registrations', 'plans']::text[]
END
FROM "users"
WHERE "users"."id" = "api_tokens"."user_id" AND "api_tokens"."scopes" = '{}'::text[];
