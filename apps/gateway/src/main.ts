import { bootstrapService } from '@bpm/service';
import { AppModule } from './app/app.module';

void bootstrapService('gateway', AppModule);
