/**
 * The gateway's OpenAPI document without any infrastructure: Nest's preview mode reads the
 * controllers' metadata and instantiates no provider (no database, no Kafka, no Temporal).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createOpenApiDocument } from '../../libs/http/src';
import { AppModule } from '../../apps/gateway/src/app/app.module';
import { GATEWAY_OPENAPI } from '../../apps/gateway/src/app/openapi';

export async function gatewayOpenApiDocument(): Promise<object> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  try {
    return createOpenApiDocument(app, GATEWAY_OPENAPI);
  } finally {
    await app.close();
  }
}
