/** Append only: index i upgrades user_version i to i + 1. Never edit a shipped migration. */
export const migrations: string[] = [
  `
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
,
  `
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
  `,
  // Hand-off is recorded: pending (saved, not sent) -> sending (handed to the network) -> outcome;
  // not_sent: nothing reached Bring. SQLite cannot alter a CHECK, so both tables are rebuilt (rowids
  // kept, so the external-content FTS index stays valid; foreign keys are off while migrating).
  `
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
]
