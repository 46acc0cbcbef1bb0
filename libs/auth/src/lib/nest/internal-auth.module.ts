import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { InternalTokenVerifier, type InternalAudience } from '../internal-token';
import { INTERNAL_TOKEN_VERIFIER, InternalAuthGuard } from './internal-auth.guard';

/**
 * The internal-token guard for a service behind the gateway, keys from the environment
 * (`BPM_INTERNAL_JWKS`, or derived in local mode). `ServiceRuntimeModule` imports it for
 * every service but the gateway, so a new service is born with it.
 */
@Module({})
export class InternalAuthModule {
  static forService(audience: InternalAudience): DynamicModule {
    return {
      module: InternalAuthModule,
      providers: [
        // Built when the module is, so a missing key stops the service at start.
        { provide: INTERNAL_TOKEN_VERIFIER, useFactory: () => InternalTokenVerifier.fromEnv(audience) },
        { provide: APP_GUARD, useClass: InternalAuthGuard },
      ],
      exports: [INTERNAL_TOKEN_VERIFIER],
    };
  }
}
