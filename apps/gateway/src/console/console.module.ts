import { join } from 'node:path';
import { ServeStaticModule } from '@nestjs/serve-static';

/** Where the console is served and where its built files are (`nx build console`). */
export const CONSOLE_PATH = '/console';
export const consoleDirectory = (env: Record<string, string | undefined> = process.env): string =>
  env['BPM_CONSOLE_DIR']?.trim() || join(process.cwd(), 'dist/apps/console');

/**
 * The web console's static files under /console, every unknown path below it answered with
 * index.html (the console routes in the browser). The API routes are not touched: the console
 * talks to them like any other client, with its bearer token.
 */
export const ConsoleModule = ServeStaticModule.forRoot({
  rootPath: consoleDirectory(),
  serveRoot: CONSOLE_PATH,
  renderPath: '*path',
  serveStaticOptions: { index: ['index.html'], fallthrough: true },
});
