import { setupOpenApi } from '@bpm/http';
import { bootstrapService } from '@bpm/service';
import { AppModule } from './app/app.module';

void bootstrapService('gateway', AppModule, (app) => {
  setupOpenApi(app, {
    title: '全面预算绩效管理平台 API',
    description: '绩效目标申报与审核、指标库、事前绩效评估、追加资金、审核待办与审计查询。错误均以 application/problem+json 返回。',
    path: 'docs',
  });
});
