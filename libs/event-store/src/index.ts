export * from './lib/port';
export * from './lib/positions';
export * from './lib/hashing';
export * from './lib/chain';
export * from './lib/upcasters';
export * from './lib/verify';
export * from './lib/tail';
export * from './lib/expected-version';
export { PostgresEventStore, type PostgresEventStoreOptions } from './lib/postgres/store';
export { migrate as migratePostgresEventStore, MIGRATIONS as POSTGRES_MIGRATIONS } from './lib/postgres/migrations';
export {
  appendInTransaction,
  appendWithRetry,
  poolTx,
  XidOrderConflict,
  MAX_APPEND_ATTEMPTS,
  type AppendTx,
  type OpenTx,
} from './lib/postgres/append';
export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './lib/esdb/store';
export * from './lib/checkpoint/merkle';
export * from './lib/checkpoint/statement';
export * from './lib/checkpoint/keys';
export * from './lib/checkpoint/export-format';
export * from './lib/checkpoint/verify-export';
export * from './lib/checkpoint/jsonl-sink';
export { Checkpointer, type CheckpointSink, type CheckpointerOptions } from './lib/postgres/checkpointer';
export { exportStream } from './lib/postgres/export';
export { backupStore, restoreStore, type BackupHeader } from './lib/postgres/backup';
