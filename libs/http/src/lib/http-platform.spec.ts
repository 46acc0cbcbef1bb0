import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  INestApplication,
  Logger,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsDateString,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import request from 'supertest';
import { HttpPlatformModule } from './http-platform.module';
import { setupOpenApi } from './openapi/setup-openapi';
import { Page, PageQuery, pageOf, pageOffset } from './pagination/page';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem/problem-details';
import { CONCURRENCY_DETAIL } from './problem/to-problem';
import { currentRequestContext } from './request-context/request-context';
import { FieldLabel } from './validation/validation';

class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

class ConcurrencyError extends Error {
  constructor() {
    super('stream goal-1: expected version 3, actual 4');
    this.name = 'ConcurrencyError';
  }
}

class IndicatorDto {
  @FieldLabel('指标名称')
  @IsString()
  @IsNotEmpty()
  name!: string;

  @FieldLabel('年度指标值')
  @IsInt()
  @Min(0)
  annualTarget!: number;
}

enum FundKind {
  General = 'general',
  Special = 'special',
}

class DeclareGoalDto {
  @FieldLabel('项目名称')
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  projectName!: string;

  @FieldLabel('资金性质')
  @IsEnum(FundKind)
  fundKind!: FundKind;

  @IsOptional()
  @IsDateString()
  startDate?: string;

  @FieldLabel('绩效指标')
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];
}

@Controller('t')
class TestController {
  @Get('http-404')
  notFound(): never {
    throw new NotFoundException('Goal 42 not found');
  }

  @Get('http-403-cn')
  forbiddenChinese(): never {
    throw new ForbiddenException('只有财政局人员可以查看此报表');
  }

  @Get('domain')
  domain(): never {
    throw new DomainError('TARGET_BELOW_BASELINE', 'invalid', '年度指标值不能低于上年实际完成值', 'indicators[0].annualTarget');
  }

  @Get('domain-not-found')
  domainNotFound(): never {
    throw new DomainError('GOAL_NOT_FOUND', 'not-found', '未找到该项目的绩效目标');
  }

  @Get('domain-forbidden')
  domainForbidden(): never {
    throw new DomainError('NOT_OWNING_UNIT', 'forbidden', '无权操作：只能办理本单位的事项', 'actor.unitId');
  }

  @Get('domain-conflict-named-not-found')
  domainConflictNamedNotFound(): never {
    // The status follows the kind, not a code that happens to end in NOT_FOUND.
    throw new DomainError('GOAL_NOT_FOUND', 'conflict', '该绩效目标已存在');
  }

  @Get('domain-precondition')
  domainPrecondition(): never {
    throw new DomainError('VERSION_MISMATCH', 'precondition', '该记录已被他人修改（当前第8版），请刷新后重试');
  }

  @Get('chinese-without-kind')
  chineseWithoutKind(): never {
    // A coded error with a Chinese message but no kind is not taken for a domain refusal.
    throw Object.assign(new Error('数据库连接失败'), { code: 'DB_DOWN' });
  }

  @Get('concurrency')
  concurrency(): never {
    throw new ConcurrencyError();
  }

  @Get('boom')
  boom(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'secretColumn') at /srv/app/repo.ts:42");
  }

  @Get('node-error')
  nodeError(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
  }

  @Get('ids')
  ids(): unknown {
    return currentRequestContext();
  }

  @Get('ids-async')
  async idsAsync(): Promise<unknown> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return currentRequestContext();
  }

  @Get('list')
  list(@Query() query: PageQuery): Page<number> & { offset: number } {
    return { ...pageOf([1, 2], query, 42), offset: pageOffset(query) };
  }

  @Post('goals')
  declare(@Body() body: DeclareGoalDto): { ok: true; indicators: number } {
    return { ok: true, indicators: body.indicators.length };
  }

  @Get('items/:id')
  item(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('HttpPlatformModule', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HttpPlatformModule],
      controllers: [TestController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    Logger.overrideLogger(false);
    setupOpenApi(app, { title: '测试服务', path: 'docs' });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const expectProblem = (res: request.Response, status: number, code: string): void => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: problemType(code), status, code });
    expect(typeof res.body.title).toBe('string');
    expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
  };

  describe('problem+json', () => {
    it('maps an HttpException with an English message to a Chinese 404', async () => {
      const res = await request(app.getHttpServer()).get('/t/http-404');
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.type).toBe('https://bpm.local/problems/not-found');
      expect(res.body.instance).toBe('/t/http-404');
      expect(res.body.detail).not.toContain('Goal 42');
    });

    it('keeps the Chinese message of an HttpException', async () => {
      const res = await request(app.getHttpServer()).get('/t/http-403-cn');
      expectProblem(res, 403, 'FORBIDDEN');
      expect(res.body.detail).toBe('只有财政局人员可以查看此报表');
    });

    it('answers an unknown route with a 404 problem and still echoes the ids', async () => {
      const res = await request(app.getHttpServer()).get('/nowhere?x=1').set('x-request-id', 'req-404');
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.instance).toBe('/nowhere');
      expect(res.headers['x-request-id']).toBe('req-404');
      expect(res.body.requestId).toBe('req-404');
    });

    it('maps a domain error to 422 with its code, Chinese message and field', async () => {
      const res = await request(app.getHttpServer()).get('/t/domain');
      expectProblem(res, 422, 'TARGET_BELOW_BASELINE');
      expect(res.body.type).toBe('https://bpm.local/problems/target-below-baseline');
      expect(res.body.detail).toBe('年度指标值不能低于上年实际完成值');
      expect(res.body.errors).toEqual([
        { field: 'indicators[0].annualTarget', message: '年度指标值不能低于上年实际完成值' },
      ]);
    });

    it('maps a domain "not found" to 404 and a domain "forbidden" to 403', async () => {
      const notFound = await request(app.getHttpServer()).get('/t/domain-not-found');
      expectProblem(notFound, 404, 'GOAL_NOT_FOUND');
      expect(notFound.body.detail).toBe('未找到该项目的绩效目标');
      const forbidden = await request(app.getHttpServer()).get('/t/domain-forbidden');
      expectProblem(forbidden, 403, 'NOT_OWNING_UNIT');
    });

    it('maps by kind alone: a conflict named *_NOT_FOUND is 409, a precondition 412', async () => {
      expectProblem(await request(app.getHttpServer()).get('/t/domain-conflict-named-not-found'), 409, 'GOAL_NOT_FOUND');
      expectProblem(await request(app.getHttpServer()).get('/t/domain-precondition'), 412, 'VERSION_MISMATCH');
    });

    it('does not guess a domain error from a Chinese message: no kind is a fault (500)', async () => {
      const res = await request(app.getHttpServer()).get('/t/chinese-without-kind');
      expectProblem(res, 500, 'INTERNAL_ERROR');
      expect(JSON.stringify(res.body)).not.toContain('数据库连接失败');
    });

    it('maps a ConcurrencyError to 409 without the stream internals', async () => {
      const res = await request(app.getHttpServer()).get('/t/concurrency');
      expectProblem(res, 409, 'CONCURRENCY_CONFLICT');
      expect(res.body.detail).toBe(CONCURRENCY_DETAIL);
      expect(JSON.stringify(res.body)).not.toContain('goal-1');
    });

    it('maps an unknown error to 500 without leaking internals', async () => {
      const res = await request(app.getHttpServer()).get('/t/boom').set('x-correlation-id', 'corr-500');
      expectProblem(res, 500, 'INTERNAL_ERROR');
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/secretColumn|repo\.ts|TypeError|stack/);
      expect(res.body.detail).toContain('corr-500');
    });

    it('treats coded Node errors (English message) as faults, not domain errors', async () => {
      const res = await request(app.getHttpServer()).get('/t/node-error');
      expectProblem(res, 500, 'INTERNAL_ERROR');
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.5/);
    });

    it('answers malformed JSON with a 400 problem', async () => {
      const res = await request(app.getHttpServer())
        .post('/t/goals')
        .set('Content-Type', 'application/json')
        .send('{"projectName": ');
      expectProblem(res, 400, 'MALFORMED_JSON');
    });
  });

  it('answers an oversized body with a 413 problem', async () => {
    const res = await request(app.getHttpServer())
      .post('/t/goals')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ projectName: 'x'.repeat(200_000) }));
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  describe('validation', () => {
    it('lists every offending field with a Chinese message naming it', async () => {
      const res = await request(app.getHttpServer())
        .post('/t/goals')
        .send({ projectName: '', fundKind: 'other', startDate: '2025/13/01', indicators: [{ name: '', annualTarget: -1 }], extra: 1 });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      const messages = Object.fromEntries(
        (res.body.errors as { field: string; message: string }[]).map((e) => [`${e.field}`, [] as string[]]),
      );
      for (const e of res.body.errors as { field: string; message: string }[]) messages[e.field].push(e.message);
      expect(messages['projectName']).toContain('项目名称（projectName）为必填项，不能为空');
      expect(messages['fundKind']).toEqual(['资金性质（fundKind）的取值不在允许范围内（可选：general、special）']);
      expect(messages['startDate']).toEqual(['startDate格式不正确，应为日期（如 2025-01-31）']);
      expect(messages['indicators[0].name']).toContain('指标名称（indicators[0].name）为必填项，不能为空');
      expect(messages['indicators[0].annualTarget']).toEqual(['年度指标值（indicators[0].annualTarget）不能小于0']);
      expect(messages['extra']).toEqual(['不允许提交字段“extra”']);
      expect(res.body.detail).toMatch(/^提交的数据有 \d+ 处不符合要求：/);
    });

    it('says 必填 for a missing field and names the max length', async () => {
      const res = await request(app.getHttpServer())
        .post('/t/goals')
        .send({ projectName: '一个名字非常非常非常长的项目', fundKind: 'general', indicators: [] });
      expect(res.status).toBe(400);
      const messages = (res.body.errors as { message: string }[]).map((e) => e.message);
      expect(messages).toContain('项目名称（projectName）长度不能超过10个字符');
      expect(messages).toContain('绩效指标（indicators）至少需要1项');
    });

    it('accepts a valid body', async () => {
      const res = await request(app.getHttpServer())
        .post('/t/goals')
        .send({ projectName: '农村道路养护', fundKind: 'special', indicators: [{ name: '养护里程', annualTarget: 120 }] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ ok: true, indicators: 1 });
    });
  });

  describe('request and correlation ids', () => {
    it('generates UUIDs when absent and echoes them', async () => {
      const res = await request(app.getHttpServer()).get('/t/ids');
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
      expect(res.headers['x-request-id']).toMatch(uuid);
      expect(res.headers['x-correlation-id']).toMatch(uuid);
      expect(res.body).toEqual({
        requestId: res.headers['x-request-id'],
        correlationId: res.headers['x-correlation-id'],
      });
    });

    it('keeps the caller ids, across awaits, for the handler', async () => {
      const res = await request(app.getHttpServer())
        .get('/t/ids-async')
        .set('x-request-id', 'req-1')
        .set('x-correlation-id', 'corr-1');
      expect(res.headers['x-request-id']).toBe('req-1');
      expect(res.headers['x-correlation-id']).toBe('corr-1');
      expect(res.body).toEqual({ requestId: 'req-1', correlationId: 'corr-1' });
    });

    it('replaces an id that is not id-like', async () => {
      const res = await request(app.getHttpServer()).get('/t/ids').set('x-correlation-id', 'a b <script>');
      expect(res.headers['x-correlation-id']).not.toContain('script');
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('is empty outside of a request', () => {
      expect(currentRequestContext()).toBeUndefined();
    });
  });

  describe('pagination', () => {
    it('defaults to page 1 of 20', async () => {
      const res = await request(app.getHttpServer()).get('/t/list');
      expect(res.body).toEqual({ items: [1, 2], page: 1, pageSize: 20, total: 42, offset: 0 });
    });

    it('converts query strings', async () => {
      const res = await request(app.getHttpServer()).get('/t/list?page=3&pageSize=200');
      expect(res.body).toEqual({ items: [1, 2], page: 3, pageSize: 200, total: 42, offset: 400 });
    });

    it('refuses out-of-range values in Chinese', async () => {
      const res = await request(app.getHttpServer()).get('/t/list?page=0&pageSize=201');
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        { field: 'page', message: '页码（page）不能小于1' },
        { field: 'pageSize', message: '每页条数（pageSize）不能大于200' },
      ]);
    });

    it('refuses a page that is not a number', async () => {
      const res = await request(app.getHttpServer()).get('/t/list?page=abc');
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual({ field: 'page', message: '页码（page）必须是整数' });
    });
  });

  describe('OpenAPI', () => {
    it('serves the document with bearer auth and the problem schema', async () => {
      const res = await request(app.getHttpServer()).get('/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.info.title).toBe('测试服务');
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.body.security).toEqual([{ bearer: [] }]);
      expect(res.body.components.schemas.ProblemDetails).toBeDefined();
      expect(res.body.paths['/t/list']).toBeDefined();
    });
  });

  it('uses the problem media type', () => {
    expect(PROBLEM_CONTENT_TYPE).toBe('application/problem+json');
  });
});
