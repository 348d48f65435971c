-- Views for people reading the results (Adminer, psql, BI tools). They
-- read the tables only; dropping them loses nothing.

-- The latest predictions with their transaction, newest first.
CREATE OR REPLACE VIEW latest_predictions AS
SELECT p.processed_at,
       t.transaction_id,
       t."timestamp",
       t.account_id,
       t.amount,
       t.currency,
       t.merchant,
       t.description,
       t.mcc,
       p.category,
       round(p.confidence::numeric, 3) AS confidence,
       p.model_version,
       p.processing_type,
       p.run_id,
       p.batch_id,
       p.source
FROM predictions p
JOIN transactions t USING (transaction_id)
ORDER BY p.processed_at DESC, t.transaction_id;

-- Per run and batch: do the counts reconcile (records in = written +
-- dead-lettered), and how fast was it?
CREATE OR REPLACE VIEW run_reconciliation AS
SELECT r.run_id,
       r.batch_id,
       r.processing_type,
       r.status,
       r.records_in,
       r.written,
       r.rejected,
       r.dead_lettered,
       r.records_in = r.written + r.dead_lettered AS reconciles,
       -- Rows whose latest lineage is this run (a later run of the same
       -- transactions takes them over: writes are upserts).
       (SELECT count(*) FROM predictions p
         WHERE p.run_id = r.run_id
           AND (r.processing_type = 'streaming' OR p.batch_id = r.batch_id)) AS rows_with_this_lineage,
       r.started_at,
       r.ended_at,
       round(extract(epoch FROM coalesce(r.ended_at, now()) - r.started_at)::numeric, 2) AS seconds,
       CASE WHEN coalesce(r.ended_at, now()) > r.started_at
            THEN round((r.records_in / extract(epoch FROM coalesce(r.ended_at, now()) - r.started_at))::numeric, 0)
       END AS records_per_second,
       r.message
FROM runs r
ORDER BY r.started_at DESC;

-- Rows per category and day of the transaction.
CREATE OR REPLACE VIEW category_counts_daily AS
SELECT (t."timestamp" AT TIME ZONE 'UTC')::date AS day,
       p.category,
       count(*) AS transactions,
       sum(t.amount) AS amount,
       round(avg(p.confidence)::numeric, 3) AS mean_confidence
FROM predictions p
JOIN transactions t USING (transaction_id)
GROUP BY 1, 2
ORDER BY 1 DESC, 3 DESC;

-- How sure the model is: share of predictions per confidence band and category.
CREATE OR REPLACE VIEW confidence_bands AS
SELECT p.category,
       count(*) AS predictions,
       count(*) FILTER (WHERE p.confidence >= 0.9) AS at_least_0_9,
       count(*) FILTER (WHERE p.confidence >= 0.5 AND p.confidence < 0.9) AS from_0_5_to_0_9,
       count(*) FILTER (WHERE p.confidence < 0.5) AS below_0_5
FROM predictions p
GROUP BY p.category
ORDER BY predictions DESC;
