-- licenses, their parties and items, and determinations (as in SQLite's 2).
CREATE TABLE licenses (
  number        TEXT PRIMARY KEY,
  holder        TEXT NOT NULL,
  holder_folded TEXT NOT NULL,
  destination   TEXT NOT NULL,
  valid_from    DATE NOT NULL,
  valid_until   DATE NOT NULL,
  status        TEXT NOT NULL,
  issued_on     TEXT NOT NULL,
  conditions    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX licenses_by_holder ON licenses(holder_folded, number);
CREATE TABLE license_parties (
  license_number TEXT   NOT NULL REFERENCES licenses(number),
  seq            BIGINT NOT NULL,
  role           TEXT   NOT NULL,
  name           TEXT   NOT NULL,
  country        TEXT   NOT NULL,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE license_items (
  license_number      TEXT   NOT NULL REFERENCES licenses(number),
  seq                 BIGINT NOT NULL,
  eccn                TEXT   NOT NULL,
  description         TEXT   NOT NULL,
  quantity            BIGINT,
  value_usd           BIGINT,
  remaining_quantity  BIGINT,
  remaining_value_usd BIGINT,
  PRIMARY KEY (license_number, seq)
);
CREATE TABLE determinations (
  id               BIGSERIAL PRIMARY KEY,
  recorded_at      TEXT NOT NULL,
  transaction_date DATE NOT NULL,
  decision         TEXT NOT NULL,
  request          TEXT NOT NULL,
  result           TEXT NOT NULL
);
