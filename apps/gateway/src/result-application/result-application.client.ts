import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { GoalDeclarationClient, type UpstreamTarget } from '../goal-declaration';

export const RESULT_APPLICATION_URL = Symbol('RESULT_APPLICATION_URL');

/** `RESULT_APPLICATION_URL`, default http://127.0.0.1:3004 (the service's local port). */
export function loadResultApplicationUrl(env: Record<string, string | undefined> = process.env): string {
  const value = (env['RESULT_APPLICATION_URL']?.trim() || 'http://127.0.0.1:3004').replace(/\/+$/, '');
  const url = new URL(value); // fail at start-up, not on the first request
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`RESULT_APPLICATION_URL must be an http(s) URL, got "${value}"`);
  return value;
}

/** result-application's internal API, called as the signed-in actor (same road as goal-declaration's). */
@Injectable()
export class ResultApplicationClient extends GoalDeclarationClient {
  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig, tokens: InternalTokenIssuer, @Inject(RESULT_APPLICATION_URL) private readonly baseUrl: string) {
    super(config, tokens);
  }

  protected override target(): UpstreamTarget {
    return { baseUrl: this.baseUrl, audience: 'result-application', label: '结果应用服务' };
  }
}

/** Who the gateway is when it reads public (公开) records for an anonymous visitor. */
export const PUBLIC_READER = { id: 'gateway', role: 'system' } as const;
