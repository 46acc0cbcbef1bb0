import { setupOpenApi } from '@bpm/http';
import { bootstrapService } from '@bpm/service';
import { AppModule } from './app/app.module';
import { GATEWAY_OPENAPI } from './app/openapi';

void bootstrapService('gateway', AppModule, (app) => {
  setupOpenApi(app, GATEWAY_OPENAPI);
});
