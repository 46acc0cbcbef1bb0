import { Module } from '@nestjs/common';
import { ReviewDecisions, TemporalReviewDecisions } from './review-decisions';
import { TasksController } from './tasks.controller';

@Module({
  controllers: [TasksController],
  providers: [{ provide: ReviewDecisions, useClass: TemporalReviewDecisions }],
})
export class TasksModule {}
