/**
 * Prints a signed local token for trying the gateway by hand:
 *
 *   npx tsx tools/token/issue-token.ts --role unit --unit U001 --sub zhang3 [--name 张三] [--ttl 8h]
 *   curl -H "Authorization: Bearer $(npx tsx tools/token/issue-token.ts --role auditor --sub audit1)" …
 *
 * Uses the gateway's own defaults and environment (JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE), so the
 * token works against a gateway started with the same environment. HS256 only: where the gateway
 * checks tokens against a remote JWKS (JWT_JWKS_URL), get tokens from that identity provider.
 * The gateway accepts the default secret only in local mode (BPM_LOCAL_MODE=true, as `npm start`
 * sets it) and no token living longer than JWT_MAX_LIFETIME_SECONDS (12 h by default).
 *
 * These are user tokens for the gateway. The services behind it accept only internal tokens
 * signed by the gateway or the orchestrator; for their keys see tools/token/internal-keys.ts.
 */
import { parseArgs } from 'node:util';
import { TOKEN_ROLES, TokenRole, isTokenRole } from '../../apps/gateway/src/auth/auth.config';
import { signToken } from '../../apps/gateway/src/auth/sign-token';

const USAGE = `usage: npx tsx tools/token/issue-token.ts --role <${TOKEN_ROLES.join('|')}> --sub <user id>
                 [--unit <unit id, required for role unit>] [--name <display name>] [--ttl 8h]`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      unit: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.role || !values.sub) throw new Error('--role and --sub are required');
  if (!isTokenRole(values.role)) throw new Error(`--role must be one of ${TOKEN_ROLES.join(', ')}`);
  if (process.env['JWT_JWKS_URL']) {
    console.error('note: JWT_JWKS_URL is set; a gateway in JWKS mode will not accept this HS256 token');
  }
  const role: TokenRole = values.role;
  const token = await signToken({ sub: values.sub, role, unit: values.unit, name: values.name }, { ttl: values.ttl });
  process.stdout.write(`${token}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`issue-token: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
