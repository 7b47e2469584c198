-- licenses exporters hold (registered by hand or issued by the licensing
-- workflow), their parties and items with what remains to ship, and the record of
-- determinations made (part 762). Amounts are NULL where the license states none.
CREATE TABLE licenses (
  number        TEXT PRIMARY KEY,
  holder        TEXT NOT NULL,
  holder_folded TEXT NOT NULL,
  destination   TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  valid_until   TEXT NOT NULL,
  status        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  conditions    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX licenses_by_holder ON licenses(holder_folded, number);
CREATE TABLE license_parties (
  license_number TEXT    NOT NULL REFERENCES licenses(number),
  seq            INTEGER NOT NULL,
  role           TEXT    NOT NULL,
  name           TEXT    NOT NULL,
  country        TEXT    NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE license_items (
  license_number      TEXT    NOT NULL REFERENCES licenses(number),
  seq                 INTEGER NOT NULL,
  eccn                TEXT    NOT NULL,
  description         TEXT    NOT NULL,
  quantity            INTEGER,
  value_usd           INTEGER,
  remaining_quantity  INTEGER,
  remaining_value_usd INTEGER,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE determinations (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  recorded_at      TEXT NOT NULL,
  transaction_date TEXT NOT NULL,
  decision         TEXT NOT NULL,
  request          TEXT NOT NULL,
  result           TEXT NOT NULL
);
