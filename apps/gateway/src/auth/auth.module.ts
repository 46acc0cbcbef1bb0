import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import { APP_GUARD } from '@nestjs/core';
import { AuthConfigOverrides, loadAuthConfig } from './auth.config';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { AUTH_CONFIG, TokenVerifier } from './token-verifier';

const AUTH_CONFIG_OVERRIDES = Symbol('AUTH_CONFIG_OVERRIDES');

const providers: Provider[] = [
  {
    provide: AUTH_CONFIG,
    useFactory: (overrides?: AuthConfigOverrides) => loadAuthConfig(process.env, overrides ?? {}),
    inject: [{ token: AUTH_CONFIG_OVERRIDES, optional: true }],
  },
  TokenVerifier,
  // The gateway's key for the internal tokens it passes on (BPM_INTERNAL_SIGNING_KEY, or derived in local mode).
  { provide: InternalTokenIssuer, useFactory: () => InternalTokenIssuer.fromEnv('gateway') },
  // Order matters: authentication first, then roles.
  { provide: APP_GUARD, useClass: JwtAuthGuard },
  { provide: APP_GUARD, useClass: RolesGuard },
];

/**
 * Bearer-token authentication and roles for every route of the app that imports it.
 * Configured from the environment (`JWT_SECRET` or `JWT_JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`);
 * `AuthModule.forRoot({...})` overrides for tests. Pair it with `HttpPlatformModule` from
 * `@bpm/http`, which renders the 401/403 problems as problem+json. Global: the clients of
 * the services behind the gateway sign their internal tokens with its `InternalTokenIssuer`.
 */
@Global()
@Module({
  providers,
  exports: [AUTH_CONFIG, TokenVerifier, InternalTokenIssuer],
})
export class AuthModule {
  static forRoot(overrides: AuthConfigOverrides): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_CONFIG_OVERRIDES, useValue: overrides }],
    };
  }
}
