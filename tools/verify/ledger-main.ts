import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { parseArgs } from 'node:util';
import { checkpointConfig, infraUrls } from '@bpm/config';
import {
  backupStore,
  Checkpointer,
  migratePostgresEventStore,
  restoreStore,
  jsonlCheckpointSink,
  loadPublicKey,
  loadSigningKey,
  parseCheckpointLog,
  PostgresEventStore,
} from '@bpm/event-store';

const USAGE =
  'usage: ledger.ts keygen | export <projectId> | --stream <stream> [-o file] | checkpoint | verify [--log f] [--signed-for schema] | backup -o file | restore <file> --into <schema>';

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string', short: 'o' },
      log: { type: 'string' },
      stream: { type: 'string' },
      into: { type: 'string' },
      'signed-for': { type: 'string' },
    },
    allowPositionals: true,
  });
  const [command, target] = positionals;
  const schema = process.env['EVENT_STORE_SCHEMA'] ?? 'event_store';
  const store = new PostgresEventStore({ connectionString: infraUrls().databaseUrl, schema, listen: false });
  const config = checkpointConfig();
  try {
    if (command === 'export' && (target || values.stream)) {
      // A project id means its goal stream; --stream names any stream.
      const stream = values.stream ?? `goal-${target}`;
      const json = JSON.stringify(await store.exportStream(stream), null, 2);
      if (values.out) writeFileSync(values.out, json + '\n');
      else process.stdout.write(json + '\n');
    } else if (command === 'backup' && values.out) {
      // As the application role: reading is all a backup needs.
      const out = createWriteStream(values.out);
      const counts = await backupStore(store.pool, schema, (line) => new Promise<void>((ok, fail) => out.write(line + '\n', (e) => (e ? fail(e) : ok()))));
      await new Promise<void>((ok) => out.end(ok));
      process.stdout.write(`${counts.events} events, ${counts.checkpoints} checkpoints → ${values.out}\n`);
    } else if (command === 'restore' && target && values.into) {
      // As the owner, into an empty (or new) schema; then verify the copy against the checkpoints.
      const owner = new Pool({ connectionString: infraUrls().databaseOwnerUrl, max: 1 });
      try {
        await migratePostgresEventStore(owner, values.into);
        // Read whole: a readline iterator opened before the transaction's first awaits loses lines.
        const counts = await restoreStore(owner, values.into, readFileSync(target, 'utf8').split('\n'));
        process.stdout.write(`${counts.events} events, ${counts.checkpoints} checkpoints restored into ${values.into}\n`);
      } finally {
        await owner.end();
      }
    } else if (command === 'keygen') {
      // The local key pair (also what docker-compose mounts as secrets); never overwrites one.
      loadSigningKey({ pem: undefined, file: config.signingKeyFile, createIfMissing: true });
      process.stdout.write(`signing key: ${config.signingKeyFile}\npublic key for auditors: ${config.publicKeyFile}\n`);
    } else if (command === 'checkpoint') {
      const privateKey = loadSigningKey({ pem: config.signingKeyPem, file: config.signingKeyFile, createIfMissing: config.createKeyIfMissing });
      const signed = await new Checkpointer({ pool: store.pool, schema, privateKey, sinks: [jsonlCheckpointSink(config.logFile)] }).take();
      process.stdout.write(signed ? `${JSON.stringify(signed.statement)}\n` : 'nothing new since the last checkpoint\n');
    } else if (command === 'verify') {
      const publicKey = loadPublicKey({ pem: config.publicKeyPem, file: config.publicKeyFile });
      const published = parseCheckpointLog(readFileSync(values.log ?? config.logFile, 'utf8'));
      // --signed-for: a restored copy in another schema verifies against the original store's checkpoints.
      const report = await store.verify({ checkpoints: { publicKey, published, store: values['signed-for'] ?? schema } });
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      process.exitCode = report.ok ? 0 : 1;
    } else {
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 64;
    }
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
