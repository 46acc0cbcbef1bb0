import { Controller, Get, Inject, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Probe } from './probes';

export const PROBES = Symbol('PROBES');
/** Same key the gateway's auth guard reads: health answers without a token. */
export const IS_PUBLIC = 'bpm:auth:public';

@Controller('health')
@SetMetadata(IS_PUBLIC, true)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(PROBES) private readonly probes: Probe[],
  ) {}

  /** Liveness: the process answers. Restarting it would not fix a dependency. */
  @Get('live')
  @ApiOperation({ summary: '存活检查', security: [] })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every real dependency of this service answers. */
  @Get('ready')
  @ApiOperation({ summary: '就绪检查：PostgreSQL、Kafka、Temporal 等依赖均可用', security: [] })
  @HealthCheck()
  ready() {
    return this.health.check(
      this.probes.map((probe) => async () => {
        const indicator = this.indicators.check(probe.name);
        try {
          await probe.check();
          return indicator.up();
        } catch (e) {
          return indicator.down({ message: (e as Error).message });
        }
      }),
    );
  }
}
