-- Trigram indexes make the searches of names (ILIKE '%…%') index scans; PGlite loads the extension at start (server/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
