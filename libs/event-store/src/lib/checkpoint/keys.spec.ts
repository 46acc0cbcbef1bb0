import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf } from './statement';
import { loadPublicKey, loadSigningKey, publicKeyFileFor } from './keys';

describe('checkpoint keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bpm-keys-'));
  const file = join(dir, 'ed25519.key.pem');

  it('refuses a missing key unless told to create it (only the local default is)', () => {
    expect(() => loadSigningKey({ file })).toThrow(/not found/);
  });

  it('creates one Ed25519 key, reuses it, and writes the public key beside it', () => {
    const a = loadSigningKey({ file, createIfMissing: true });
    const b = loadSigningKey({ file, createIfMissing: true });
    expect(a.asymmetricKeyType).toBe('ed25519');
    expect(keyIdOf(b)).toBe(keyIdOf(a));
    const pub = loadPublicKey({ file: publicKeyFileFor(file) });
    expect(keyIdOf(pub)).toBe(keyIdOf(a));
    expect(loadSigningKey({ pem: readFileSync(file, 'utf8') }).asymmetricKeyType).toBe('ed25519');
  });
});
