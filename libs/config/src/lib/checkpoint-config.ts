import { isAbsolute, join, resolve } from 'node:path';
import { isLocalMode } from './local-mode';

/** The Kafka topic checkpoints are published to, besides the database and the JSONL log. */
export const CHECKPOINT_TOPIC = 'bpm.event-store.checkpoints.v1';

/**
 * Where the checkpoint key and log live. The signing key never enters the database: production gives
 * it as CHECKPOINT_SIGNING_KEY (PEM) or a mounted secret file (CHECKPOINT_SIGNING_KEY_FILE); locally it
 * is created on first use under .local/checkpoint, with its public key beside it for the auditors.
 */
export function checkpointConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()) {
  const dir = resolve(root, '.local', 'checkpoint');
  const file = (name: string, fallback: string) => {
    const v = env[name]?.trim();
    return v ? (isAbsolute(v) ? v : resolve(root, v)) : join(dir, fallback);
  };
  const intervalMs = Number(env['CHECKPOINT_INTERVAL_MS'] ?? 60_000);
  if (!Number.isInteger(intervalMs) || intervalMs < 100) {
    throw new Error(`CHECKPOINT_INTERVAL_MS must be an integer of at least 100, got "${env['CHECKPOINT_INTERVAL_MS']}"`);
  }
  const explicitKey = Boolean(env['CHECKPOINT_SIGNING_KEY'] || env['CHECKPOINT_SIGNING_KEY_FILE']);
  return {
    signingKeyPem: env['CHECKPOINT_SIGNING_KEY'] || undefined,
    signingKeyFile: file('CHECKPOINT_SIGNING_KEY_FILE', 'ed25519.key.pem'),
    /** Only the local default key, in local mode, is ever generated; a configured one that is missing is an error. */
    createKeyIfMissing: !explicitKey && isLocalMode(env),
    publicKeyPem: env['CHECKPOINT_PUBLIC_KEY'] || undefined,
    publicKeyFile: file('CHECKPOINT_PUBLIC_KEY_FILE', 'ed25519.pub.pem'),
    logFile: file('CHECKPOINT_LOG_FILE', 'checkpoints.jsonl'),
    intervalMs,
    topic: CHECKPOINT_TOPIC,
  };
}

export type CheckpointConfig = ReturnType<typeof checkpointConfig>;
