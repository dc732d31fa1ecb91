/** One step of the SQLite schema; named like the PostgreSQL migrations (postgres/migrations.ts) so the two read side by side. */
export interface SqliteMigration {
  name: string
  sql: string
}

/**
 * Append only: the i-th migration upgrades user_version i to i + 1 (the position is what a file
 * records; the name, numbered from 0001, says what it does). Never edit a shipped migration.
 */
export const migrations: SqliteMigration[] = [
  {
    name: '0001_shipments',
    sql: `
  CREATE TABLE shipments (
    id TEXT PRIMARY KEY,
    client_request_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'booked', 'outcome_unknown', 'failed', 'cancelled_by_user')),
    customer_number TEXT NOT NULL,
    product_id TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_postal_code TEXT NOT NULL,
    recipient_city TEXT NOT NULL,
    reference TEXT,
    consignment_number TEXT,
    form_json TEXT NOT NULL,
    request_json TEXT NOT NULL,
    confirmation_json TEXT,
    error_json TEXT,
    label_file TEXT
  );
  CREATE INDEX shipments_created ON shipments (created_at DESC);
  CREATE INDEX shipments_status ON shipments (status, created_at DESC);
  CREATE INDEX shipments_mode ON shipments (mode, created_at DESC);
  CREATE INDEX shipments_consignment ON shipments (consignment_number);

  -- Trigram full-text index: substring search on name, postal code, city, reference and numbers.
  CREATE VIRTUAL TABLE shipments_fts USING fts5(
    recipient_name, recipient_postal_code, recipient_city, reference, consignment_number,
    content='shipments', content_rowid='rowid', tokenize='trigram'
  );
  CREATE TRIGGER shipments_ai AFTER INSERT ON shipments BEGIN
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number);
  END;
  CREATE TRIGGER shipments_au AFTER UPDATE ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES ('delete', old.rowid, old.recipient_name, old.recipient_postal_code, old.recipient_city, old.reference, old.consignment_number);
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number);
  END;
  `
  }
,
  {
    name: '0002_pickups',
    sql: `
  CREATE TABLE pickups (
    id TEXT PRIMARY KEY,
    client_request_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'ordered', 'outcome_unknown', 'failed', 'cancelled')),
    kind TEXT NOT NULL CHECK (kind IN ('business', 'mailbox')),
    service TEXT NOT NULL,
    customer_number TEXT NOT NULL,
    pickup_date TEXT NOT NULL,
    shipment_number TEXT,
    pickup_window TEXT,
    receipt_url TEXT,
    details_json TEXT NOT NULL,
    request_json TEXT NOT NULL,
    error_json TEXT
  );
  CREATE INDEX pickups_date ON pickups (pickup_date DESC);
  -- Which booked shipments a pickup was ordered for ("pick up today's shipments").
  CREATE TABLE pickup_shipments (
    pickup_id TEXT NOT NULL REFERENCES pickups (id) ON DELETE CASCADE,
    shipment_id TEXT NOT NULL REFERENCES shipments (id),
    PRIMARY KEY (pickup_id, shipment_id)
  );
  CREATE INDEX pickup_shipments_shipment ON pickup_shipments (shipment_id);
  `
  },
  // Hand-off is recorded: pending (saved, not sent) -> sending (handed to the network) -> outcome;
  // not_sent: nothing reached Bring. SQLite cannot alter a CHECK, so both tables are rebuilt (rowids
  // kept, so the external-content FTS index stays valid; foreign keys are off while migrating).
  {
    name: '0003_hand_off_states',
    sql: `
  CREATE TABLE shipments_v3 (
    id TEXT PRIMARY KEY,
    client_request_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'booked', 'outcome_unknown', 'not_sent', 'failed', 'cancelled_by_user')),
    customer_number TEXT NOT NULL,
    product_id TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_postal_code TEXT NOT NULL,
    recipient_city TEXT NOT NULL,
    reference TEXT,
    consignment_number TEXT,
    form_json TEXT NOT NULL,
    request_json TEXT NOT NULL,
    confirmation_json TEXT,
    error_json TEXT,
    label_file TEXT
  );
  INSERT INTO shipments_v3 (rowid, id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id, recipient_name,
    recipient_postal_code, recipient_city, reference, consignment_number, form_json, request_json, confirmation_json, error_json, label_file)
    SELECT rowid, id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id, recipient_name,
    recipient_postal_code, recipient_city, reference, consignment_number, form_json, request_json, confirmation_json, error_json, label_file FROM shipments;
  DROP TABLE shipments;
  ALTER TABLE shipments_v3 RENAME TO shipments;
  CREATE INDEX shipments_created ON shipments (created_at DESC);
  CREATE INDEX shipments_status ON shipments (status, created_at DESC);
  CREATE INDEX shipments_mode ON shipments (mode, created_at DESC);
  CREATE INDEX shipments_consignment ON shipments (consignment_number);
  CREATE TRIGGER shipments_ai AFTER INSERT ON shipments BEGIN
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number);
  END;
  CREATE TRIGGER shipments_au AFTER UPDATE ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES ('delete', old.rowid, old.recipient_name, old.recipient_postal_code, old.recipient_city, old.reference, old.consignment_number);
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number)
    VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number);
  END;

  CREATE TABLE pickups_v3 (
    id TEXT PRIMARY KEY,
    client_request_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'ordered', 'outcome_unknown', 'not_sent', 'failed', 'cancelled')),
    kind TEXT NOT NULL CHECK (kind IN ('business', 'mailbox')),
    service TEXT NOT NULL,
    customer_number TEXT NOT NULL,
    pickup_date TEXT NOT NULL,
    shipment_number TEXT,
    pickup_window TEXT,
    receipt_url TEXT,
    details_json TEXT NOT NULL,
    request_json TEXT NOT NULL,
    error_json TEXT
  );
  INSERT INTO pickups_v3 SELECT * FROM pickups;
  DROP TABLE pickups;
  ALTER TABLE pickups_v3 RENAME TO pickups;
  CREATE INDEX pickups_date ON pickups (pickup_date DESC);
  `
  },
  // Search that stops at a full page: newest first is rowid order (created_at is kept monotonic at
  // insert), so FTS5 doclists are walked backwards and the join reads only the rows shown. Package
  // numbers become searchable; 1–2 character and long-number searches get their own token index (search-tokens.ts); the
  // indexes are touched only when a searchable column changes, not on every status update. Status
  // and mode indexes hold rows in rowid order, so a filtered page needs no sort either.
  {
    name: '0004_search_newest_first',
    sql: `
  ALTER TABLE shipments ADD COLUMN package_numbers TEXT;
  UPDATE shipments SET package_numbers = (SELECT group_concat(value, ' ') FROM json_each(confirmation_json, '$.packageNumbers'))
    WHERE confirmation_json IS NOT NULL;
  DROP TRIGGER shipments_ai;
  DROP TRIGGER shipments_au;
  DROP TABLE shipments_fts;
  CREATE VIRTUAL TABLE shipments_fts USING fts5(
    recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers,
    content='shipments', content_rowid='rowid', tokenize='trigram'
  );
  INSERT INTO shipments_fts (shipments_fts) VALUES ('rebuild');
  CREATE VIRTUAL TABLE shipments_tokens USING fts5(tokens, content='', contentless_delete=1, detail=none);
  INSERT INTO shipments_tokens (rowid, tokens) SELECT rowid, fraktdesk_search_tokens(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) FROM shipments;
  CREATE TRIGGER shipments_ai AFTER INSERT ON shipments BEGIN
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number, new.package_numbers);
    INSERT INTO shipments_tokens (rowid, tokens) VALUES (new.rowid, fraktdesk_search_tokens(new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number, new.package_numbers));
  END;
  CREATE TRIGGER shipments_au AFTER UPDATE OF recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) VALUES ('delete', old.rowid, old.recipient_name, old.recipient_postal_code, old.recipient_city, old.reference, old.consignment_number, old.package_numbers);
    INSERT INTO shipments_fts (rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) VALUES (new.rowid, new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number, new.package_numbers);
    DELETE FROM shipments_tokens WHERE rowid = old.rowid;
    INSERT INTO shipments_tokens (rowid, tokens) VALUES (new.rowid, fraktdesk_search_tokens(new.recipient_name, new.recipient_postal_code, new.recipient_city, new.reference, new.consignment_number, new.package_numbers));
  END;
  CREATE TRIGGER shipments_ad AFTER DELETE ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) VALUES ('delete', old.rowid, old.recipient_name, old.recipient_postal_code, old.recipient_city, old.reference, old.consignment_number, old.package_numbers);
    DELETE FROM shipments_tokens WHERE rowid = old.rowid;
  END;
  DROP INDEX shipments_status;
  DROP INDEX shipments_mode;
  DROP INDEX shipments_created;
  CREATE INDEX shipments_created ON shipments (created_at);
  CREATE INDEX shipments_status ON shipments (status);
  CREATE INDEX shipments_mode ON shipments (mode);
  DROP INDEX pickups_date;
  CREATE INDEX pickups_date ON pickups (pickup_date DESC, created_at DESC);
  CREATE INDEX pickups_mode_date ON pickups (mode, pickup_date DESC, created_at DESC);
  `
  },
  // The start-up label check lists booked shipments and their label file: from this index alone,
  // without reading 100,000 rows of JSON.
  {
    name: '0005_booked_labels_index',
    sql: `
  CREATE INDEX shipments_booked_labels ON shipments (status, label_file, id);
  `
  },
  // Address book (recipients and sender profiles) with the history's search indexes; batches whose
  // rows become shipments through their client request id (one per row, so a row is booked once);
  // the column mapping remembered per CSV header set; each shipment knows the batch it came from.
  {
    name: '0006_address_book_and_batches',
    sql: `
  CREATE TABLE address_book (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('recipient', 'sender')),
    dedupe_key TEXT NOT NULL,
    name TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    contact_name TEXT,
    is_default INTEGER NOT NULL DEFAULT 0,
    entry_json TEXT NOT NULL,
    UNIQUE (kind, dedupe_key)
  );
  CREATE INDEX address_book_kind ON address_book (kind);
  CREATE VIRTUAL TABLE address_book_fts USING fts5(
    name, postal_code, city, phone, email, contact_name,
    content='address_book', content_rowid='rowid', tokenize='trigram'
  );
  CREATE VIRTUAL TABLE address_book_tokens USING fts5(tokens, content='', contentless_delete=1, detail=none);
  CREATE TRIGGER address_book_ai AFTER INSERT ON address_book BEGIN
    INSERT INTO address_book_fts (rowid, name, postal_code, city, phone, email, contact_name) VALUES (new.rowid, new.name, new.postal_code, new.city, new.phone, new.email, new.contact_name);
    INSERT INTO address_book_tokens (rowid, tokens) VALUES (new.rowid, fraktdesk_search_tokens(new.name, new.postal_code, new.city, new.phone, new.email, new.contact_name));
  END;
  CREATE TRIGGER address_book_au AFTER UPDATE OF name, postal_code, city, phone, email, contact_name ON address_book BEGIN
    INSERT INTO address_book_fts (address_book_fts, rowid, name, postal_code, city, phone, email, contact_name) VALUES ('delete', old.rowid, old.name, old.postal_code, old.city, old.phone, old.email, old.contact_name);
    INSERT INTO address_book_fts (rowid, name, postal_code, city, phone, email, contact_name) VALUES (new.rowid, new.name, new.postal_code, new.city, new.phone, new.email, new.contact_name);
    DELETE FROM address_book_tokens WHERE rowid = old.rowid;
    INSERT INTO address_book_tokens (rowid, tokens) VALUES (new.rowid, fraktdesk_search_tokens(new.name, new.postal_code, new.city, new.phone, new.email, new.contact_name));
  END;
  CREATE TRIGGER address_book_ad AFTER DELETE ON address_book BEGIN
    INSERT INTO address_book_fts (address_book_fts, rowid, name, postal_code, city, phone, email, contact_name) VALUES ('delete', old.rowid, old.name, old.postal_code, old.city, old.phone, old.email, old.contact_name);
    DELETE FROM address_book_tokens WHERE rowid = old.rowid;
  END;

  CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'test', 'live')),
    run_state TEXT NOT NULL CHECK (run_state IN ('idle', 'running', 'paused', 'cancelled', 'done')),
    defaults_json TEXT NOT NULL,
    labels_pdf TEXT,
    result_csv TEXT
  );
  CREATE TABLE batch_rows (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    row_no INTEGER NOT NULL,
    client_request_id TEXT NOT NULL UNIQUE,
    values_json TEXT NOT NULL,
    problems_json TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (batch_id, row_no)
  );
  CREATE TABLE import_mappings (
    header_key TEXT PRIMARY KEY,
    mapping_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  ALTER TABLE shipments ADD COLUMN batch_id TEXT;
  CREATE INDEX shipments_batch ON shipments (batch_id) WHERE batch_id IS NOT NULL;
  `
  },
  // Bring Warehousing messages: every accepted body is stored raw with what was read from it, before
  // the receiver answers success; the same message twice (GS1 instance id, or body hash) is one row.
  // Rejected bodies are kept (capped) for inspection. Inventory holds the latest quantity per article.
  {
    name: '0007_warehouse',
    sql: `
  CREATE TABLE warehouse_messages (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    request_id TEXT NOT NULL UNIQUE,
    instance_id TEXT,
    body_hash TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('order', 'inventory', 'adjustment', 'unrecognised')),
    order_number TEXT,
    status TEXT,
    customer TEXT,
    articles TEXT,
    tracking TEXT,
    message_json TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  CREATE UNIQUE INDEX warehouse_messages_instance ON warehouse_messages (instance_id) WHERE instance_id IS NOT NULL;
  CREATE INDEX warehouse_messages_kind ON warehouse_messages (kind);
  CREATE VIRTUAL TABLE warehouse_fts USING fts5(order_number, customer, articles, tracking, content='warehouse_messages', content_rowid='rowid', tokenize='trigram');
  CREATE VIRTUAL TABLE warehouse_tokens USING fts5(tokens, content='', contentless_delete=1, detail=none);
  CREATE TRIGGER warehouse_messages_ai AFTER INSERT ON warehouse_messages BEGIN
    INSERT INTO warehouse_fts (rowid, order_number, customer, articles, tracking) VALUES (new.rowid, new.order_number, new.customer, new.articles, new.tracking);
    INSERT INTO warehouse_tokens (rowid, tokens) VALUES (new.rowid, fraktdesk_search_tokens(new.order_number, new.customer, new.articles, new.tracking));
  END;
  CREATE TABLE warehouse_rejected (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    content_type TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  CREATE TABLE warehouse_inventory (
    article TEXT PRIMARY KEY,
    gtin TEXT,
    description TEXT,
    quantity REAL NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE warehouse_adjustments (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    delta REAL NOT NULL,
    reason TEXT,
    at TEXT NOT NULL,
    message_id TEXT NOT NULL REFERENCES warehouse_messages (id)
  );
  CREATE INDEX warehouse_adjustments_article ON warehouse_adjustments (article, id);
  `
  },
  // Tracking: the latest state of each tracked shipment (live and Sandbox bookings) with its events,
  // and when to ask Bring next — persisted so a restart neither floods Bring nor forgets.
  {
    name: '0008_tracking',
    sql: `
  CREATE TABLE tracking (
    shipment_id TEXT PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,
    consignment_number TEXT NOT NULL,
    mode TEXT NOT NULL,
    booked_at TEXT NOT NULL,
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    checked_at TEXT,
    next_due TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    eta TEXT,
    pickup_json TEXT,
    price REAL,
    currency TEXT,
    packages_json TEXT NOT NULL DEFAULT '[]'
  );
  CREATE INDEX tracking_due ON tracking (next_due) WHERE next_due IS NOT NULL;
  CREATE INDEX tracking_state ON tracking (state);
  `
  },
  // "Needs attention" reads state, the two dates and next_due: from this index alone (count 94 → 7 ms at 1,000,000 shipments).
  {
    name: '0009_attention_index',
    sql: `
  CREATE INDEX tracking_attention ON tracking (state, state_since, booked_at, next_due, shipment_id);
  `
  },
  // A shipment's identity is its id, for ever. Its request ids are attempts: every one it ever used is
  // kept here (unique across the history, so no later submit can reuse one and book twice), and a batch
  // row refers to the shipment it became by id, so a resend under a new request id keeps the row's state.
  // A batch remembers why it stopped by itself (Bring unreachable), to say so.
  {
    name: '0010_request_ids',
    sql: `
  CREATE TABLE shipment_requests (
    client_request_id TEXT PRIMARY KEY,
    shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX shipment_requests_shipment ON shipment_requests (shipment_id);
  INSERT INTO shipment_requests (client_request_id, shipment_id, created_at) SELECT client_request_id, id, created_at FROM shipments;
  ALTER TABLE batch_rows ADD COLUMN shipment_id TEXT REFERENCES shipments (id) ON DELETE SET NULL;
  UPDATE batch_rows SET shipment_id = (SELECT s.id FROM shipments s WHERE s.client_request_id = batch_rows.client_request_id);
  -- A row whose shipment was sent again from Shipments before this version lost it (the old join was by
  -- request id): found again by its batch and recipient, so "Book all" never books it a second time.
  UPDATE batch_rows SET shipment_id = (
    SELECT s.id FROM shipments s
    WHERE s.batch_id = batch_rows.batch_id
      AND lower(trim(s.recipient_name)) = lower(trim(json_extract(batch_rows.values_json, '$.name')))
      AND replace(s.recipient_postal_code, ' ', '') = replace(json_extract(batch_rows.values_json, '$.postalCode'), ' ', '')
      AND NOT EXISTS (SELECT 1 FROM batch_rows taken WHERE taken.shipment_id = s.id)
    ORDER BY s.created_at LIMIT 1)
  WHERE shipment_id IS NULL;
  INSERT OR IGNORE INTO shipment_requests (client_request_id, shipment_id, created_at)
    SELECT client_request_id, shipment_id, updated_at FROM batch_rows WHERE shipment_id IS NOT NULL;
  CREATE INDEX batch_rows_shipment ON batch_rows (shipment_id) WHERE shipment_id IS NOT NULL;
  ALTER TABLE batches ADD COLUMN stop_reason_json TEXT;
  `
  },
  // Postal codes this desk has looked up at Bring (postal code → city): one request per code, reused
  // offline, refreshed after 30 days. Kept apart per source: the Sandbox's register is not Bring's.
  {
    name: '0011_postal_codes',
    sql: `
  CREATE TABLE postal_codes (
    source TEXT NOT NULL CHECK (source IN ('sandbox', 'bring')),
    country_code TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT,
    municipality TEXT,
    county TEXT,
    type TEXT,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (source, country_code, postal_code)
  ) WITHOUT ROWID;
  `
  },
  {
    name: '0012_label_prints',
    sql: `
  CREATE TABLE label_prints (
    id INTEGER PRIMARY KEY,
    shipment_id TEXT NOT NULL,
    at TEXT NOT NULL,
    printer TEXT NOT NULL,
    job_id TEXT,
    result TEXT NOT NULL CHECK (result IN ('printed', 'failed', 'mayHavePrinted')),
    message TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX label_prints_by_shipment ON label_prints (shipment_id, at);
  `
  },
  {
    name: '0013_tracking_rules',
    // "checked" is a successful check; a failure has its own time. Bring forgetting a shipment is a note,
    // not a state. "Needs attention" is left when the clerk marks the current state handled.
    sql: `
  ALTER TABLE tracking ADD COLUMN error_at TEXT;
  ALTER TABLE tracking ADD COLUMN gone_at TEXT;
  ALTER TABLE tracking ADD COLUMN handled_state TEXT;
  ALTER TABLE tracking ADD COLUMN handled_at TEXT;
  ALTER TABLE tracking ADD COLUMN handled_note TEXT;
  `
  },
  {
    name: '0014_confirmed_rows',
    // A batch row's unusual values the clerk confirmed as right ("check this"), kept so a re-check does not flag them again.
    sql: `ALTER TABLE batch_rows ADD COLUMN confirmed_json TEXT;`
  },
  {
    name: '0015_delivery_record',
    // The delivery record: each tracked shipment's delivery facts and the group it counts in (record_json),
    // and per group (mode, month booked, service, customer number, country, postal area) the running totals
    // its shipments add, kept as tracking changes: the screen and the quote read totals, not the history.
    sql: `
  ALTER TABLE tracking ADD COLUMN record_json TEXT;
  CREATE TABLE delivery_record (
    mode TEXT NOT NULL,
    month TEXT NOT NULL,
    product_id TEXT NOT NULL,
    customer_number TEXT NOT NULL,
    country TEXT NOT NULL,
    area TEXT NOT NULL,
    counts_json TEXT NOT NULL,
    PRIMARY KEY (mode, month, product_id, customer_number, country, area)
  ) WITHOUT ROWID;
  CREATE INDEX tracking_unrecorded ON tracking (shipment_id) WHERE record_json IS NULL AND packages_json <> '[]';
  `
  },
  {
    name: '0016_rows_held',
    // Why a batch row is held, as a column (0 not, 1 only to check an unusual value, 2 a problem to fix): a
    // 100,000-row batch is counted on an index and filtered "to check" in SQL instead of reading every row's
    // problems (40 ms a count). Kept by the store with the problems.
    sql: `
  ALTER TABLE batch_rows ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
  UPDATE batch_rows SET held = CASE
    WHEN EXISTS (SELECT 1 FROM json_each(batch_rows.problems_json))
      AND NOT EXISTS (SELECT 1 FROM json_each(batch_rows.problems_json) WHERE key NOT LIKE 'check:%') THEN 1
    ELSE 2 END
    WHERE problems_json IS NOT NULL;
  CREATE INDEX batch_rows_held ON batch_rows (batch_id, shipment_id, held);
  CREATE INDEX batch_rows_to_check ON batch_rows (batch_id, row_no) WHERE held = 1;
  `
  }
]
