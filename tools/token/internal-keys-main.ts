/**
 * Makes an Ed25519 key pair for an issuer of internal tokens (gateway or orchestrator):
 *
 *   npx tsx tools/token/internal-keys.ts gateway [key id, default today's date]
 *
 * Prints the private JWK, for that issuer's BPM_INTERNAL_SIGNING_KEY (a secret: put it in the
 * issuer's secret store only), and the public JWK, to add to the `keys` of BPM_INTERNAL_JWKS that
 * every service verifying internal tokens reads. Rotate by adding the new public key first, then
 * switching the issuer to the new private key, then removing the old public key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { INTERNAL_ISSUERS, type InternalIssuer } from '../../libs/auth/src/lib/internal-keys';

const [issuer, id = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);
if (!(INTERNAL_ISSUERS as readonly string[]).includes(issuer ?? '')) {
  console.error(`usage: npx tsx tools/token/internal-keys.ts <${INTERNAL_ISSUERS.join('|')}> [key id]`);
  process.exit(1);
}
const kid = `${issuer as InternalIssuer}:${id}`;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const secret = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
const pub = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' };
process.stdout.write(`# BPM_INTERNAL_SIGNING_KEY for ${issuer} (secret)\n${JSON.stringify(secret)}\n`);
process.stdout.write(`# public key: add to {"keys":[...]} of BPM_INTERNAL_JWKS on every service\n${JSON.stringify(pub)}\n`);
