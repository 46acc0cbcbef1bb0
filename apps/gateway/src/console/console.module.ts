import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Application } from 'express';
import { join } from 'node:path';

/** Where the console is served and where its built files are (`nx build console`). */
export const CONSOLE_PATH = '/console';
export const consoleDirectory = (env: Record<string, string | undefined> = process.env): string =>
  env['BPM_CONSOLE_DIR']?.trim() || join(process.cwd(), 'dist/apps/console');

/**
 * The web console's static files under /console (express.static), and index.html for every
 * other path below it (the console routes in the browser). Registered when the app starts,
 * not when the module is compiled, so it works the same under NestFactory and in tests.
 * Hashed assets are cached for good; index.html is checked every time, so a new build shows
 * at once. Without a build, /console answers the API's usual 404.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const app = this.host.httpAdapter?.getInstance<Application>();
    if (!app) return;
    const dir = consoleDirectory();
    app.use(
      CONSOLE_PATH,
      express.static(dir, {
        index: 'index.html',
        setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    app.get(`${CONSOLE_PATH}{/*path}`, (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(dir, 'index.html'), (error) => error && next());
    });
  }
}
