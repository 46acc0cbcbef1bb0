import { DynamicModule, Module, Provider } from '@nestjs/common';
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
  // Order matters: authentication first, then roles.
  { provide: APP_GUARD, useClass: JwtAuthGuard },
  { provide: APP_GUARD, useClass: RolesGuard },
];

/**
 * Bearer-token authentication and roles for every route of the app that imports it.
 * Configured from the environment (`JWT_SECRET` or `JWT_JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`);
 * `AuthModule.forRoot({...})` overrides for tests. Pair it with `HttpPlatformModule` from
 * `@bpm/http`, which renders the 401/403 problems as problem+json.
 */
@Module({
  providers,
  exports: [AUTH_CONFIG, TokenVerifier],
})
export class AuthModule {
  static forRoot(overrides: AuthConfigOverrides): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_CONFIG_OVERRIDES, useValue: overrides }],
    };
  }
}
