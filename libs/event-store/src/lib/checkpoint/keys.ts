import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The checkpoint signing key lives outside the database: a PEM in an environment variable or a
 * mounted secret file in production; locally a file under .local, created on first use (only when
 * `createIfMissing`, which the local defaults set). The public key is written beside it for auditors.
 */
export function loadSigningKey(source: { pem?: string; file?: string; createIfMissing?: boolean }): KeyObject {
  if (source.pem) return createPrivateKey(source.pem);
  if (!source.file) throw new Error('no checkpoint signing key: set CHECKPOINT_SIGNING_KEY or CHECKPOINT_SIGNING_KEY_FILE');
  if (!existsSync(source.file)) {
    if (!source.createIfMissing) throw new Error(`checkpoint signing key file not found: ${source.file}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(source.file), { recursive: true });
    // Written aside, then linked into place: processes starting together agree on one key.
    const tmp = `${source.file}.${process.pid}.${Date.now()}`;
    writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(tmp, source.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  const key = createPrivateKey(readFileSync(source.file));
  const pub = publicKeyFileFor(source.file);
  if (source.createIfMissing && !existsSync(pub)) {
    const tmp = `${pub}.${process.pid}.${Date.now()}`;
    writeFileSync(tmp, createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    renameSync(tmp, pub);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`checkpoint signing key must be Ed25519: ${source.file}`);
  return key;
}

export function loadPublicKey(source: { pem?: string; file?: string }): KeyObject {
  const pem = source.pem ?? (source.file ? readFileSync(source.file, 'utf8') : undefined);
  if (!pem) throw new Error('no checkpoint public key: set CHECKPOINT_PUBLIC_KEY or CHECKPOINT_PUBLIC_KEY_FILE');
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('checkpoint public key must be Ed25519');
  return key;
}

/** `x.key.pem` → `x.pub.pem`. */
export function publicKeyFileFor(privateKeyFile: string): string {
  return privateKeyFile.replace(/(\.key)?\.pem$/, '') + '.pub.pem';
}
