#!/usr/bin/env bash
# The fault suite: the scenarios of docs/reliability.md against the real
# local stack (PostgreSQL, the Kafka-protocol broker, S3, the ML API as a
# child process), one line per scenario and a last line `N passed, M failed`.
# scripts/test.sh runs the same tests in their bounded form; this script
# runs them in full (TXCLASS_FAULT_KILLS=10 kills of the consumer, and the
# reliability tests only).
#
#   scripts/fault-suite.sh            # every scenario, full
#   TXCLASS_FAULT_KILLS=3 scripts/fault-suite.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$TXCLASS_ROOT"
export TXCLASS_FAULT_KILLS="${TXCLASS_FAULT_KILLS:-10}"
mkdir -p "$RUN_DIR"

"$TXCLASS_ROOT/scripts/stack.sh" start >/dev/null
cargo build --workspace --bins --locked --quiet
export TXCLASS_BATCH_BIN="$CARGO_TARGET_DIR/debug/txclass-batch"
export TXCLASS_ML_API_BIN="$CARGO_TARGET_DIR/debug/txclass-ml-api"

# scenario | package | test target | test name
scenarios=(
  "kill -9 of the consumer ${TXCLASS_FAULT_KILLS} times while producing|txclass-consumer|stream|kill_9_at_random_moments_loses_and_duplicates_nothing"
  "ML API down: records held, none dead-lettered|txclass-consumer|stream|an_ml_api_outage_holds_records_instead_of_dead_lettering_them"
  "ML API fault mode (503, 429, hangs), streaming|txclass-consumer|stream|an_ml_api_in_fault_mode_loses_nothing"
  "ML API fault mode (503, 429, hangs), batch|txclass-batch|pipeline|an_ml_api_in_fault_mode_gives_the_same_final_result"
  "ML API unreachable: batch exits 4, nothing dead-lettered|txclass-batch|pipeline|an_unreachable_ml_api_fails_the_run_after_retries_without_dead_lettering_valid_rows"
  "a member joins and leaves during an outage|txclass-consumer|stream|a_rebalance_during_an_outage_leaves_no_partition_paused_and_loses_nothing"
  "a member joins and leaves under load|txclass-consumer|stream|consumers_share_partitions_and_a_third_joining_and_leaving_keeps_exactly_once"
  "PostgreSQL backends terminated mid-batch|txclass-batch|pipeline|terminated_database_backends_mid_run_complete_or_exit_4_and_a_rerun_is_exact"
  "a row lock left open: the write gives up as an outage|txclass-adapters|ports|prediction_store::postgres_gives_up_on_a_row_lock_held_elsewhere_as_an_outage"
  "a statement past its timeout is transient|txclass-adapters|ports|prediction_store::postgres_cancels_a_statement_past_its_timeout_as_transient"
  "bad rows of every class in a CSV|txclass-batch|pipeline|a_mixed_file_writes_valid_rows_and_dead_letters_each_invalid_row_with_its_reason"
  "bad messages of every class on the topic|txclass-consumer|stream|every_class_of_bad_message_is_dead_lettered_and_the_consumer_stays_healthy"
  "poison messages (non-JSON, invalid UTF-8, 4.5 MB, empty)|txclass-consumer|stream|poison_messages_are_dead_lettered_and_the_stream_goes_on"
  "an unterminated quote|txclass-batch|pipeline|a_stray_quote_dead_letters_its_row_and_the_counts_follow_the_lines"
  "BOM, CRLF, quoted newlines, invalid UTF-8 and a gzip bomb|txclass-batch|pipeline|export_quirks_are_read_and_a_gzip_bomb_refuses_only_itself"
  "a record over the size bound|txclass-batch|pipeline|a_record_over_the_bound_refuses_its_object_naming_the_line"
  "a multi-member gzip object|txclass-adapters|ports|object_store::s3::a_concatenated_gzip_object_is_read_to_its_last_member"
  "a 600 KB transaction_id's dead letter fits|txclass-adapters|ports|dead_letter::kafka::a_letter_with_a_huge_transaction_id_still_fits"
  "a 6 MiB poison payload's dead letter fits|txclass-adapters|ports|dead_letter::kafka::a_huge_poison_payload_is_truncated_to_fit_and_says_so"
  "conflicting duplicates across chunks|txclass-batch|pipeline|conflicting_duplicates_across_chunks_keep_one_and_dead_letter_the_other"
  "a failed run leaves its errors parts|txclass-batch|pipeline|a_failed_run_leaves_an_errors_part_for_every_letter_it_sent"
  "a missing required column refuses the object|txclass-batch|pipeline|a_file_missing_a_required_column_fails_and_writes_nothing"
  "exact object keys (no prefix matching)|txclass-batch|pipeline|an_exact_key_classifies_that_object_only"
  "an oversized ingest record is answered 413|txclass-producer|produce|an_oversized_record_at_ingest_is_answered_413"
)

passed=0
failed=0
for scenario in "${scenarios[@]}"; do
    IFS='|' read -r title package target name <<<"$scenario"
    started=$(date +%s)
    if cargo test --locked --quiet -p "$package" --test "$target" -- --exact "$name" >"$RUN_DIR/fault-$name.log" 2>&1 \
        && grep -q "1 passed" "$RUN_DIR/fault-$name.log"; then
        printf 'PASS  %-60s %4ss\n' "$title" "$(( $(date +%s) - started ))"
        passed=$((passed + 1))
    else
        printf 'FAIL  %-60s %4ss  (log: %s)\n' "$title" "$(( $(date +%s) - started ))" "$RUN_DIR/fault-$name.log"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
