-- txclass schema: validated transactions, their predictions with lineage, and runs.

-- One row per run and batch: an Airflow run maps one task (batch) per object,
-- a consumer session is one batch of its own.
CREATE TABLE IF NOT EXISTS runs (
    run_id           TEXT NOT NULL,
    batch_id         TEXT NOT NULL,
    processing_type  TEXT NOT NULL CHECK (processing_type IN ('batch', 'streaming')),
    status           TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    records_in       BIGINT NOT NULL DEFAULT 0 CHECK (records_in >= 0),
    written          BIGINT NOT NULL DEFAULT 0 CHECK (written >= 0),
    rejected         BIGINT NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    dead_lettered    BIGINT NOT NULL DEFAULT 0 CHECK (dead_lettered >= 0),
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    message          TEXT,
    PRIMARY KEY (run_id, batch_id)
);

CREATE TABLE IF NOT EXISTS transactions (
    transaction_id   TEXT PRIMARY KEY CHECK (char_length(transaction_id) BETWEEN 1 AND 64),
    "timestamp"      TIMESTAMPTZ NOT NULL,
    account_id       TEXT NOT NULL CHECK (char_length(account_id) BETWEEN 1 AND 64),
    amount           NUMERIC(12, 2) NOT NULL CHECK (amount <> 0 AND abs(amount) <= 1000000000),
    currency         CHAR(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    merchant         TEXT CHECK (char_length(merchant) <= 128),
    description      TEXT NOT NULL CHECK (char_length(description) BETWEEN 1 AND 256),
    mcc              CHAR(4) CHECK (mcc ~ '^[0-9]{4}$'),
    attributes       JSONB NOT NULL DEFAULT '{}'::jsonb,
    ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS predictions (
    transaction_id   TEXT PRIMARY KEY REFERENCES transactions (transaction_id) ON DELETE CASCADE,
    category         TEXT NOT NULL CHECK (category IN (
        'INCOME', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_PAYMENTS', 'BANK_FEES',
        'ENTERTAINMENT', 'FOOD_AND_DRINK', 'GENERAL_MERCHANDISE', 'HOME_IMPROVEMENT',
        'MEDICAL', 'PERSONAL_CARE', 'GENERAL_SERVICES', 'GOVERNMENT_AND_NON_PROFIT',
        'TRANSPORTATION', 'TRAVEL', 'RENT_AND_UTILITIES')),
    confidence       DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    model_version    TEXT NOT NULL,
    processing_type  TEXT NOT NULL CHECK (processing_type IN ('batch', 'streaming')),
    run_id           TEXT NOT NULL,
    batch_id         TEXT NOT NULL,
    source           TEXT NOT NULL,
    processed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS predictions_run_id_idx ON predictions (run_id);
CREATE INDEX IF NOT EXISTS predictions_category_idx ON predictions (category);
CREATE INDEX IF NOT EXISTS transactions_timestamp_idx ON transactions ("timestamp");
