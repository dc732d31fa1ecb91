import { sql, type Kysely, type Migration } from 'kysely'

/**
 * The shared database's migration history (Kysely's migrator keeps it in kysely_migration).
 * Append only; never edit a shipped migration. PostgreSQL 13 or newer (pg_trgm is a trusted
 * extension from 13 on, so the database owner can create it without a superuser).
 */
export const sharedMigrations: Record<string, Migration> = {
  '0001_shipments': {
    async up(db: Kysely<unknown>) {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
      // The searchable values, lower-cased, apart (U+001F never occurs in them): substring search never spans two.
      // Function bodies as strings ($$): PostgreSQL 13 has no SQL-standard bodies.
      await sql`
        CREATE FUNCTION fraktdesk_search_text(VARIADIC v text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT lower(array_to_string(v, E'\\x1f', '')) $$`.execute(db)
      // Every distinct 1- and 2-character piece of those values: trigrams cannot answer a 1–2 character search.
      await sql`
        CREATE FUNCTION fraktdesk_short_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
          SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
          UNION ALL SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) AS grams
          WHERE strpos(g, E'\\x1f') = 0 $$`.execute(db)
      await sql`
        CREATE TABLE shipments (
          seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          client_request_id text NOT NULL UNIQUE,
          desk text NOT NULL,
          created_at text NOT NULL,
          updated_at text NOT NULL,
          mode text NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
          status text NOT NULL CHECK (status IN ('pending', 'sending', 'booked', 'outcome_unknown', 'not_sent', 'failed', 'cancelled_by_user')),
          customer_number text NOT NULL,
          product_id text NOT NULL,
          recipient_name text NOT NULL,
          recipient_postal_code text NOT NULL,
          recipient_city text NOT NULL,
          reference text,
          consignment_number text,
          package_numbers text,
          batch_id text,
          label_file text,
          form_json jsonb NOT NULL,
          request_json jsonb NOT NULL,
          confirmation_json jsonb,
          error_json jsonb,
          search_text text GENERATED ALWAYS AS (fraktdesk_search_text(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers)) STORED,
          search_grams text[] GENERATED ALWAYS AS (fraktdesk_short_grams(fraktdesk_search_text(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers))) STORED
        )`.execute(db)
      await sql`CREATE INDEX shipments_search ON shipments USING gin (search_text gin_trgm_ops)`.execute(db)
      await sql`CREATE INDEX shipments_short_search ON shipments USING gin (search_grams)`.execute(db)
      // Newest first by booking time (desks' clocks, and copied histories, interleave), insertion order within.
      await sql`CREATE INDEX shipments_newest ON shipments (created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_status ON shipments (status, created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_mode ON shipments (mode, created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_desk_open ON shipments (desk, status) WHERE status IN ('pending', 'sending')`.execute(db)
      // Other desks follow changes without polling the list (LISTEN fraktdesk_changes).
      await sql`
        CREATE FUNCTION fraktdesk_notify_shipment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('fraktdesk_changes', json_build_object('table', 'shipments', 'id', NEW.id, 'desk', NEW.desk, 'status', NEW.status)::text);
          RETURN NEW;
        END $$`.execute(db)
      await sql`CREATE TRIGGER shipments_notify AFTER INSERT OR UPDATE ON shipments FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_shipment()`.execute(db)
    }
  },
  '0002_bring_pacing': {
    // Desks that share one Bring API user share its rate limit: the next free start per API user.
    async up(db: Kysely<unknown>) {
      await sql`CREATE TABLE bring_pacing (api_user text PRIMARY KEY, next_at timestamptz NOT NULL)`.execute(db)
    }
  },
  '0003_batches_address_book': {
    async up(db: Kysely<unknown>) {
      // Batches and their rows, shared by the desks. A row becomes a shipment through its client request
      // id (unique, so a row is booked once); a desk booking a row holds a lease on it (claimed_by,
      // claim_until on the server's clock) that it renews while it works, so another desk takes the row
      // over only when that desk has stopped.
      await sql`
        CREATE TABLE batches (
          seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          desk text NOT NULL,
          created_at text NOT NULL,
          updated_at text NOT NULL,
          name text NOT NULL,
          mode text NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
          run_state text NOT NULL CHECK (run_state IN ('idle', 'running', 'paused', 'cancelled', 'done')),
          defaults_json jsonb NOT NULL,
          labels_pdf text,
          result_csv text
        )`.execute(db)
      await sql`CREATE INDEX batches_newest ON batches (created_at DESC, seq DESC)`.execute(db)
      await sql`
        CREATE TABLE batch_rows (
          id text PRIMARY KEY,
          batch_id text NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          row_no integer NOT NULL,
          client_request_id text NOT NULL UNIQUE,
          desk text NOT NULL,
          values_json jsonb NOT NULL,
          problems_json jsonb,
          updated_at text NOT NULL,
          claimed_by text,
          claim_until timestamptz,
          UNIQUE (batch_id, row_no)
        )`.execute(db)
      await sql`CREATE INDEX batch_rows_claimed ON batch_rows (batch_id, claim_until) WHERE claimed_by IS NOT NULL`.execute(db)
      await sql`CREATE INDEX shipments_batch ON shipments (batch_id) WHERE batch_id IS NOT NULL`.execute(db)
      await sql`CREATE TABLE import_mappings (header_key text PRIMARY KEY, mapping_json jsonb NOT NULL, updated_at text NOT NULL)`.execute(db)
      // The address book: search over the same columns as on SQLite (pg_trgm, and short pieces for 1–2 characters).
      await sql`
        CREATE TABLE address_book (
          seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          desk text NOT NULL,
          created_at text NOT NULL,
          updated_at text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('recipient', 'sender')),
          dedupe_key text NOT NULL,
          name text NOT NULL,
          postal_code text NOT NULL,
          city text NOT NULL,
          phone text,
          email text,
          contact_name text,
          is_default boolean NOT NULL DEFAULT false,
          entry_json jsonb NOT NULL,
          search_text text GENERATED ALWAYS AS (fraktdesk_search_text(name, postal_code, city, phone, email, contact_name)) STORED,
          search_grams text[] GENERATED ALWAYS AS (fraktdesk_short_grams(fraktdesk_search_text(name, postal_code, city, phone, email, contact_name))) STORED,
          UNIQUE (kind, dedupe_key)
        )`.execute(db)
      await sql`CREATE INDEX address_book_search ON address_book USING gin (search_text gin_trgm_ops)`.execute(db)
      await sql`CREATE INDEX address_book_short_search ON address_book USING gin (search_grams)`.execute(db)
      await sql`CREATE INDEX address_book_newest ON address_book (kind, created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE UNIQUE INDEX address_book_one_default ON address_book (kind) WHERE is_default`.execute(db)
      // Other desks hear of changes to these too: which table, which row.
      await sql`
        CREATE FUNCTION fraktdesk_notify_row() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE r record;
        BEGIN
          IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
          PERFORM pg_notify('fraktdesk_changes', json_build_object('table', TG_TABLE_NAME, 'id', r.id, 'desk', r.desk, 'status', TG_OP)::text);
          RETURN NULL;
        END $$`.execute(db)
      await sql`CREATE TRIGGER batches_notify AFTER INSERT OR UPDATE OR DELETE ON batches FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
      await sql`CREATE TRIGGER address_book_notify AFTER INSERT OR UPDATE OR DELETE ON address_book FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
    }
  },
  '0004_pickups': {
    // Pickup orders, shared: one list for the shop, and "today's shipments without a pickup" across desks.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE pickups (
          seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          client_request_id text NOT NULL UNIQUE,
          desk text NOT NULL,
          created_at text NOT NULL,
          updated_at text NOT NULL,
          mode text NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
          status text NOT NULL CHECK (status IN ('pending', 'sending', 'ordered', 'outcome_unknown', 'not_sent', 'failed', 'cancelled')),
          kind text NOT NULL CHECK (kind IN ('business', 'mailbox')),
          service text NOT NULL,
          customer_number text NOT NULL,
          pickup_date text NOT NULL,
          shipment_number text,
          pickup_window text,
          receipt_url text,
          details_json jsonb NOT NULL,
          request_json jsonb NOT NULL,
          error_json jsonb
        )`.execute(db)
      await sql`CREATE INDEX pickups_date ON pickups (pickup_date DESC, created_at DESC)`.execute(db)
      await sql`CREATE INDEX pickups_desk_open ON pickups (desk, status) WHERE status IN ('pending', 'sending')`.execute(db)
      await sql`
        CREATE TABLE pickup_shipments (
          pickup_id text NOT NULL REFERENCES pickups (id) ON DELETE CASCADE,
          shipment_id text NOT NULL REFERENCES shipments (id),
          PRIMARY KEY (pickup_id, shipment_id)
        )`.execute(db)
      await sql`CREATE INDEX pickup_shipments_shipment ON pickup_shipments (shipment_id)`.execute(db)
      await sql`CREATE INDEX shipments_booked_day ON shipments (mode, created_at) WHERE status = 'booked'`.execute(db)
      await sql`CREATE TRIGGER pickups_notify AFTER INSERT OR UPDATE OR DELETE ON pickups FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
    }
  },
  '0005_warehouse': {
    // Bring Warehousing messages, shared: whichever desk runs the receiver, every desk sees the orders
    // and the stock. The same message twice (GS1 instance id, or body hash) is one row.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE warehouse_messages (
          seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
          id text PRIMARY KEY,
          desk text NOT NULL,
          received_at text NOT NULL,
          request_id text NOT NULL UNIQUE,
          instance_id text,
          body_hash text NOT NULL UNIQUE,
          content_type text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('order', 'inventory', 'adjustment', 'unrecognised')),
          order_number text,
          status text,
          customer text,
          articles text,
          tracking text,
          message_json jsonb NOT NULL,
          raw text NOT NULL,
          search_text text GENERATED ALWAYS AS (fraktdesk_search_text(order_number, customer, articles, tracking)) STORED,
          search_grams text[] GENERATED ALWAYS AS (fraktdesk_short_grams(fraktdesk_search_text(order_number, customer, articles, tracking))) STORED
        )`.execute(db)
      await sql`CREATE UNIQUE INDEX warehouse_messages_instance ON warehouse_messages (instance_id) WHERE instance_id IS NOT NULL`.execute(db)
      await sql`CREATE INDEX warehouse_messages_newest ON warehouse_messages (received_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX warehouse_messages_search ON warehouse_messages USING gin (search_text gin_trgm_ops)`.execute(db)
      await sql`CREATE INDEX warehouse_messages_short_search ON warehouse_messages USING gin (search_grams)`.execute(db)
      await sql`CREATE TABLE warehouse_rejected (seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE, id text PRIMARY KEY, desk text NOT NULL, received_at text NOT NULL, reason text NOT NULL, content_type text NOT NULL, raw text NOT NULL)`.execute(db)
      await sql`CREATE TABLE warehouse_inventory (article text PRIMARY KEY, gtin text, description text, quantity double precision NOT NULL, updated_at text NOT NULL)`.execute(db)
      await sql`
        CREATE TABLE warehouse_adjustments (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          article text NOT NULL,
          delta double precision NOT NULL,
          reason text,
          at text NOT NULL,
          message_id text NOT NULL REFERENCES warehouse_messages (id)
        )`.execute(db)
      await sql`CREATE INDEX warehouse_adjustments_article ON warehouse_adjustments (article, id)`.execute(db)
      await sql`CREATE TRIGGER warehouse_messages_notify AFTER INSERT ON warehouse_messages FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
    }
  },
  '0006_digit_windows': {
    // A pasted consignment or package number shares nearly all its trigrams with every other number
    // of the customer (the prefix), so the trigram index hands back almost every row to check. Each
    // run of 6+ digits gets its 6-digit windows, indexed: a number search needs only the rows that
    // hold its windows, then the literal check (as the SQLite store does with its token index).
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE FUNCTION fraktdesk_digit_windows(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT substr(m[1], i, 6)), '{}')
          FROM regexp_matches(t, '[0-9]{6,}', 'g') AS m, generate_series(1, length(m[1]) - 5) AS i $$`.execute(db)
      await sql`ALTER TABLE shipments ADD COLUMN search_digits text[] GENERATED ALWAYS AS (fraktdesk_digit_windows(fraktdesk_search_text(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers))) STORED`.execute(db)
      await sql`CREATE INDEX shipments_digit_search ON shipments USING gin (search_digits)`.execute(db)
    }
  },
  '0007_search_table': {
    // Search reads a narrow table (what is searched and filtered, ~400 bytes a shipment) instead of
    // the shipments themselves (~2.5 kB with their JSON): checking and sorting thousands of matches
    // then reads a few hundred pages, not tens of thousands. Kept by a trigger, in the same transaction.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE shipment_search (
          seq bigint PRIMARY KEY,
          id text NOT NULL,
          created_at text NOT NULL,
          mode text NOT NULL,
          status text NOT NULL,
          search_text text NOT NULL,
          search_grams text[] GENERATED ALWAYS AS (fraktdesk_short_grams(search_text)) STORED,
          search_digits text[] GENERATED ALWAYS AS (fraktdesk_digit_windows(search_text)) STORED
        )`.execute(db)
      await sql`
        CREATE FUNCTION fraktdesk_index_shipment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO shipment_search (seq, id, created_at, mode, status, search_text)
          VALUES (NEW.seq, NEW.id, NEW.created_at, NEW.mode, NEW.status,
            fraktdesk_search_text(NEW.recipient_name, NEW.recipient_postal_code, NEW.recipient_city, NEW.reference, NEW.consignment_number, NEW.package_numbers))
          ON CONFLICT (seq) DO UPDATE SET id = excluded.id, created_at = excluded.created_at, mode = excluded.mode, status = excluded.status, search_text = excluded.search_text;
          RETURN NULL;
        END $$`.execute(db)
      await sql`
        CREATE TRIGGER shipments_index AFTER INSERT OR UPDATE OF id, created_at, mode, status, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers
        ON shipments FOR EACH ROW EXECUTE FUNCTION fraktdesk_index_shipment()`.execute(db)
      await sql`
        INSERT INTO shipment_search (seq, id, created_at, mode, status, search_text)
        SELECT seq, id, created_at, mode, status, fraktdesk_search_text(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) FROM shipments`.execute(db)
      await sql`CREATE INDEX shipment_search_newest ON shipment_search (created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipment_search_trigrams ON shipment_search USING gin (search_text gin_trgm_ops)`.execute(db)
      await sql`CREATE INDEX shipment_search_short ON shipment_search USING gin (search_grams)`.execute(db)
      await sql`CREATE INDEX shipment_search_digits ON shipment_search USING gin (search_digits)`.execute(db)
      // The wide table's own search columns (and their indexes) are not read any more.
      await sql`ALTER TABLE shipments DROP COLUMN search_text, DROP COLUMN search_grams, DROP COLUMN search_digits`.execute(db)
    }
  },
  '0008_sealed_label_links': {
    // Label links sealed with a key derived from the desks' Bring API user (label-links-seal.ts):
    // another desk signed in as the same Bring user can print a label this desk booked.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE shipments ADD COLUMN label_links_sealed text`.execute(db)
    }
  },
  '0009_period_grams': {
    // A substring whose trigrams are all common ("ORDER-1012", "Hansen 4") made pg_trgm hand back tens
    // of thousands of rows, all sorted by time to show the newest 100. This index keys each 4-character
    // piece by its ten-day period ("2024-06-2" + "hans"): a search asks the newest periods first and
    // stops when the page is full, so it sorts only one period's matches. An expression index: the
    // narrow search table does not grow.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE FUNCTION fraktdesk_period_grams(created_at text, t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT substr(created_at, 1, 9) || substr(t, i, 4)), '{}') FROM generate_series(1, char_length(t) - 3) AS i $$`.execute(db)
      await sql`CREATE INDEX shipment_search_period_grams ON shipment_search USING gin (fraktdesk_period_grams(created_at, search_text))`.execute(db)
      // The walk runs on the server: one round trip, a cached plan per period, however many periods are empty.
      // want > 0: the seqs of the newest `want` matches, newest first; want < 0: up to -want matches, in no order (a count).
      await sql`
        CREATE FUNCTION fraktdesk_period_search(periods text[], grams text[], q text, want int, st text, md text, after text, before text)
        RETURNS SETOF bigint LANGUAGE plpgsql STABLE AS $$
        DECLARE
          p text;
          found int := 0;
          n int;
          keys text[];
        BEGIN
          FOREACH p IN ARRAY periods LOOP
            keys := ARRAY(SELECT p || g FROM unnest(grams) AS g);
            IF want > 0 THEN
              RETURN QUERY SELECT s.seq FROM shipment_search s
                WHERE fraktdesk_period_grams(s.created_at, s.search_text) @> keys AND strpos(s.search_text, q) > 0
                  AND (st IS NULL OR s.status = st) AND (md IS NULL OR s.mode = md) AND (after IS NULL OR s.created_at >= after) AND (before IS NULL OR s.created_at < before)
                ORDER BY s.created_at COLLATE "C" DESC, s.seq DESC LIMIT want - found;
            ELSE
              RETURN QUERY SELECT s.seq FROM shipment_search s
                WHERE fraktdesk_period_grams(s.created_at, s.search_text) @> keys AND strpos(s.search_text, q) > 0
                  AND (st IS NULL OR s.status = st) AND (md IS NULL OR s.mode = md) AND (after IS NULL OR s.created_at >= after) AND (before IS NULL OR s.created_at < before)
                LIMIT -want - found;
            END IF;
            GET DIAGNOSTICS n = ROW_COUNT;
            found := found + n;
            EXIT WHEN found >= abs(want);
          END LOOP;
        END $$`.execute(db)
    }
  },
  '0010_request_ids': {
    // A shipment's identity is its id, for ever; its request ids are attempts, every one kept and unique
    // across the history, so no later submit can reuse one. Batch rows refer to their shipment by id
    // (a resend under a new request id keeps the row's state). A batch remembers why it stopped by itself.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE shipment_requests (
          client_request_id text PRIMARY KEY,
          shipment_id text NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
          created_at text NOT NULL
        )`.execute(db)
      await sql`CREATE INDEX shipment_requests_shipment ON shipment_requests (shipment_id)`.execute(db)
      await sql`INSERT INTO shipment_requests (client_request_id, shipment_id, created_at) SELECT client_request_id, id, created_at FROM shipments`.execute(db)
      await sql`ALTER TABLE batch_rows ADD COLUMN shipment_id text REFERENCES shipments (id) ON DELETE SET NULL`.execute(db)
      await sql`UPDATE batch_rows r SET shipment_id = s.id FROM shipments s WHERE s.client_request_id = r.client_request_id`.execute(db)
      // A row whose shipment was sent again from Shipments before this version lost it (the old join was by
      // request id): found again by its batch and recipient, so "Book all" never books it a second time.
      await sql`
        UPDATE batch_rows r SET shipment_id = m.shipment_id FROM (
          SELECT DISTINCT ON (s.id) s.id AS shipment_id, r2.id AS row_id FROM batch_rows r2
          JOIN shipments s ON s.batch_id = r2.batch_id
            AND lower(trim(s.recipient_name)) = lower(trim(r2.values_json->>'name'))
            AND replace(s.recipient_postal_code, ' ', '') = replace(r2.values_json->>'postalCode', ' ', '')
          WHERE r2.shipment_id IS NULL AND NOT EXISTS (SELECT 1 FROM batch_rows taken WHERE taken.shipment_id = s.id)
          ORDER BY s.id, r2.row_no) m
        WHERE r.id = m.row_id AND r.shipment_id IS NULL`.execute(db)
      await sql`INSERT INTO shipment_requests (client_request_id, shipment_id, created_at) SELECT client_request_id, shipment_id, updated_at FROM batch_rows WHERE shipment_id IS NOT NULL ON CONFLICT DO NOTHING`.execute(db)
      await sql`CREATE INDEX batch_rows_shipment ON batch_rows (shipment_id) WHERE shipment_id IS NOT NULL`.execute(db)
      await sql`ALTER TABLE batches ADD COLUMN stop_reason_json jsonb`.execute(db)
    }
  },
  '0011_tracking': {
    // Tracking, shared: one state per shipment that every desk sees, and a lease per shipment so exactly
    // one desk asks Bring about it per round (a dead desk's leases run out and pass on). Leases are on the
    // server's clock; due times are ISO text like the desks' other times.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE tracking (
          shipment_id text PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,
          id text GENERATED ALWAYS AS (shipment_id) STORED,
          desk text NOT NULL,
          consignment_number text NOT NULL,
          mode text NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
          booked_at text NOT NULL,
          state text NOT NULL,
          state_since text NOT NULL,
          checked_at text,
          next_due text,
          failures integer NOT NULL DEFAULT 0,
          last_error text,
          error_at text,
          gone_at text,
          handled_state text,
          handled_at text,
          handled_note text,
          packages_json jsonb NOT NULL DEFAULT '[]',
          eta text,
          pickup_json jsonb,
          price double precision,
          currency text,
          lease_desk text,
          lease_until timestamptz
        )`.execute(db)
      await sql`CREATE INDEX tracking_due ON tracking (next_due) WHERE next_due IS NOT NULL`.execute(db)
      // Every desk hears of what a check found (not of the leases themselves).
      await sql`CREATE TRIGGER tracking_notify_insert AFTER INSERT ON tracking FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
      await sql`
        CREATE TRIGGER tracking_notify_update AFTER UPDATE ON tracking FOR EACH ROW
        WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.checked_at IS DISTINCT FROM NEW.checked_at OR OLD.error_at IS DISTINCT FROM NEW.error_at
          OR OLD.gone_at IS DISTINCT FROM NEW.gone_at OR OLD.handled_at IS DISTINCT FROM NEW.handled_at)
        EXECUTE FUNCTION fraktdesk_notify_row()`.execute(db)
    }
  },
  '0012_confirmed_rows': {
    // A batch row's unusual values the clerk confirmed as right ("check this"), kept so a re-check does not flag them again.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE batch_rows ADD COLUMN confirmed_json jsonb`.execute(db)
    }
  },
  '0013_period_keys': {
    // The period index of 0009 held 4-character pieces, so a 3-character search ("Lie", "d a") fell back to
    // pg_trgm and sorted every match by time (185–540 ms at 1,000,000), and a status or mode filter was
    // checked row by row in each period. This index keys 3-character pieces (a longer search asks several)
    // and the row's status and mode (after U+001F, which no piece holds) by the ten-day period, so every
    // search of 3+ characters, filtered or not, walks newest first.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE FUNCTION fraktdesk_period_keys(created_at text, t text, status text, mode text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(array_agg(DISTINCT substr(created_at, 1, 9) || g) FILTER (WHERE strpos(g, E'\\x1f') = 0), '{}')
            || ARRAY[substr(created_at, 1, 9) || E'\\x1fs' || coalesce(status, ''), substr(created_at, 1, 9) || E'\\x1fm' || coalesce(mode, '')]
          FROM (SELECT substr(t, i, 3) AS g FROM generate_series(1, char_length(t) - 2) AS i) AS pieces $$`.execute(db)
      // The keys a search asks of one period: its pieces, and the status and mode when filtered.
      await sql`
        CREATE FUNCTION fraktdesk_period_query(period text, grams text[], st text, md text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT ARRAY(SELECT period || g FROM unnest(grams) AS g)
            || CASE WHEN st IS NULL THEN '{}'::text[] ELSE ARRAY[period || E'\\x1fs' || st] END
            || CASE WHEN md IS NULL THEN '{}'::text[] ELSE ARRAY[period || E'\\x1fm' || md] END $$`.execute(db)
      await sql`CREATE INDEX shipment_search_period_keys ON shipment_search USING gin (fraktdesk_period_keys(created_at, search_text, status, mode))`.execute(db)
      await sql`DROP INDEX shipment_search_period_grams`.execute(db)
      // A desk of an older version asks fraktdesk_period_search with 4-character pieces: gone, so it fails
      // loudly instead of finding nothing (such a desk refuses the upgraded database anyway).
      await sql`DROP FUNCTION fraktdesk_period_search(text[], text[], text, int, text, text, text, text)`.execute(db)
      await sql`DROP FUNCTION fraktdesk_period_grams(text, text)`.execute(db)
      // The walk, newest period first, one index probe per period (~0.1 ms each on a million shipments),
      // stopping when the page is full: only one period's matches are ever sorted by time. (Asking a run of
      // periods at once costs more, not less, when the pieces are common: ~35 ms for "Hansen 4".) Bitmap
      // scans only: a planner expecting an early hit would otherwise walk the table looking for one.
      // want > 0: the seqs of the newest `want` matches, newest first; want < 0: up to -want matches, in no order (a count).
      await sql`
        CREATE FUNCTION fraktdesk_period_walk(periods text[], grams text[], q text, want int, st text, md text, after text, before text)
        RETURNS SETOF bigint LANGUAGE plpgsql STABLE SET enable_seqscan = off SET enable_indexscan = off AS $$
        DECLARE
          p text;
          found int := 0;
          n int;
        BEGIN
          FOREACH p IN ARRAY periods LOOP
            IF want > 0 THEN
              RETURN QUERY SELECT s.seq FROM shipment_search s
                WHERE fraktdesk_period_keys(s.created_at, s.search_text, s.status, s.mode) @> fraktdesk_period_query(p, grams, st, md) AND strpos(s.search_text, q) > 0
                  AND (after IS NULL OR s.created_at >= after) AND (before IS NULL OR s.created_at < before)
                ORDER BY s.created_at COLLATE "C" DESC, s.seq DESC LIMIT want - found;
            ELSE
              RETURN QUERY SELECT s.seq FROM shipment_search s
                WHERE fraktdesk_period_keys(s.created_at, s.search_text, s.status, s.mode) @> fraktdesk_period_query(p, grams, st, md) AND strpos(s.search_text, q) > 0
                  AND (after IS NULL OR s.created_at >= after) AND (before IS NULL OR s.created_at < before)
                LIMIT -want - found;
            END IF;
            GET DIAGNOSTICS n = ROW_COUNT;
            found := found + n;
            EXIT WHEN found >= abs(want);
          END LOOP;
        END $$`.execute(db)
    }
  },
  '0014_attention_newest': {
    // "Needs attention" newest first without joining every tracked shipment: each tracking row carries its
    // shipment's created_at (the list's order; set on insert, a shipment's never changes), and a partial
    // index holds only the states that can need attention, newest first, with what the rule reads (an
    // index-only walk). A page walks that index; the count reads only it.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE tracking ADD COLUMN shipment_created_at text`.execute(db)
      await sql`UPDATE tracking t SET shipment_created_at = s.created_at FROM shipments s WHERE s.id = t.shipment_id`.execute(db)
      await sql`
        CREATE FUNCTION fraktdesk_tracking_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.shipment_created_at := (SELECT created_at FROM shipments WHERE id = NEW.shipment_id);
          RETURN NEW;
        END $$`.execute(db)
      await sql`CREATE TRIGGER tracking_created_at BEFORE INSERT ON tracking FOR EACH ROW EXECUTE FUNCTION fraktdesk_tracking_created_at()`.execute(db)
      await sql`
        CREATE INDEX tracking_attention_newest ON tracking (shipment_created_at DESC, shipment_id DESC)
        INCLUDE (state, state_since, booked_at, next_due, handled_state)
        WHERE state IN ('deviation', 'attempted_delivery', 'customs', 'returning', 'returned', 'ready_for_pickup', 'not_found', 'pre_notified')`.execute(db)
    }
  },
  '0015_delivery_record': {
    // The delivery record, as on a desk's own file (SQLite 0015): each tracked shipment's facts and group,
    // and per group the running totals, for all desks' shipments.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE tracking ADD COLUMN record_json jsonb`.execute(db)
      await sql`
        CREATE TABLE delivery_record (
          mode text NOT NULL,
          month text NOT NULL,
          product_id text NOT NULL,
          customer_number text NOT NULL,
          country text NOT NULL,
          area text NOT NULL,
          counts_json jsonb NOT NULL,
          PRIMARY KEY (mode, month, product_id, customer_number, country, area)
        )`.execute(db)
      await sql`CREATE INDEX tracking_unrecorded ON tracking (shipment_id) WHERE record_json IS NULL AND packages_json <> '[]'::jsonb`.execute(db)
    }
  },
  '0016_rows_held': {
    // Why a batch row is held, as a column (as SQLite 0016: 0 not, 1 only to check, 2 to fix): counted and filtered on an index.
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE batch_rows ADD COLUMN held smallint NOT NULL DEFAULT 0`.execute(db)
      await sql`
        UPDATE batch_rows SET held = CASE
          WHEN jsonb_typeof(problems_json) = 'object' AND problems_json <> '{}'::jsonb
            AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(problems_json) k WHERE k NOT LIKE 'check:%') THEN 1
          ELSE 2 END
        WHERE problems_json IS NOT NULL`.execute(db)
      await sql`CREATE INDEX batch_rows_held ON batch_rows (batch_id, shipment_id, held)`.execute(db)
      await sql`CREATE INDEX batch_rows_to_check ON batch_rows (batch_id, row_no) WHERE held = 1`.execute(db)
    }
  }
}
