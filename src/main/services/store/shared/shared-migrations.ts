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
          -- One lower-cased text per row, values apart (U+001F never occurs in them), for substring search.
          search_text text GENERATED ALWAYS AS (lower(
            recipient_name || E'\\x1f' || recipient_postal_code || E'\\x1f' || recipient_city || E'\\x1f' ||
            coalesce(reference, '') || E'\\x1f' || coalesce(consignment_number, '') || E'\\x1f' || coalesce(package_numbers, ''))) STORED
        )`.execute(db)
      await sql`CREATE INDEX shipments_search ON shipments USING gin (search_text gin_trgm_ops)`.execute(db)
      // Newest first by booking time (desks' clocks, and copied histories, interleave), insertion order within.
      await sql`CREATE INDEX shipments_newest ON shipments (created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_status ON shipments (status, created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_mode ON shipments (mode, created_at DESC, seq DESC)`.execute(db)
      await sql`CREATE INDEX shipments_desk_open ON shipments (desk, status) WHERE status IN ('pending', 'sending')`.execute(db)
      await sql`
        CREATE TABLE desk_leases (
          resource text PRIMARY KEY,
          desk text NOT NULL,
          expires_at timestamptz NOT NULL
        )`.execute(db)
      // Other desks follow changes without polling the list (LISTEN fraktdesk_changes).
      await sql`
        CREATE FUNCTION fraktdesk_notify_shipment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('fraktdesk_changes', json_build_object('table', 'shipments', 'id', NEW.id, 'desk', NEW.desk, 'status', NEW.status)::text);
          RETURN NEW;
        END $$`.execute(db)
      await sql`CREATE TRIGGER shipments_notify AFTER INSERT OR UPDATE ON shipments FOR EACH ROW EXECUTE FUNCTION fraktdesk_notify_shipment()`.execute(db)
    }
  }
}
