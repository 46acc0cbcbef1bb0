import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@bpm/service';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'goal-declaration', dependencies: ['postgres', 'kafka'] })],
})
export class AppModule {}
