import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadServiceConfig, type ServiceName } from '@bpm/config';
import { JsonLogger } from '@bpm/logging';

/**
 * Starts a service: validates its configuration first (a wrong value stops it with a
 * message naming the variable), logs JSON, shuts down cleanly on SIGTERM.
 */
export async function bootstrapService(
  service: ServiceName,
  appModule: Type<unknown>,
  configure?: (app: INestApplication) => void | Promise<void>,
): Promise<INestApplication> {
  let config;
  try {
    config = loadServiceConfig(service);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${service}: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = new JsonLogger(service, config.LOG_LEVEL);
  const app = await NestFactory.create(appModule, { logger });
  app.enableShutdownHooks();
  await configure?.(app);
  await app.listen(config.PORT, config.HOST);
  logger.log({ msg: 'listening', url: `http://${config.HOST}:${config.PORT}` }, 'Bootstrap');
  return app;
}
