import { Module } from '@nestjs/common';
import { AnnualCycles, TemporalAnnualCycles } from './annual-cycles';
import { CyclesController } from './cycles.controller';

@Module({
  controllers: [CyclesController],
  providers: [{ provide: AnnualCycles, useClass: TemporalAnnualCycles }],
})
export class CyclesModule {}
