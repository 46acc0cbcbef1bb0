import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@bpm/service';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ service: 'gateway', dependencies: ['postgres', 'temporal'] })],
})
export class AppModule {}
