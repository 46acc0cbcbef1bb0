import { Body, Controller, Get, INestApplication, Logger, Param, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, ValidateNested } from 'class-validator';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { HttpPlatformModule } from '../http-platform.module';
import { PageQuery } from '../pagination/page';
import { FieldLabel } from '../validation/validation';
import { findUnsafeInput } from './unsafe-input';

class ProjectDto {
  @FieldLabel('项目名称')
  @IsString()
  name!: string;
}

class RegisterDto {
  @FieldLabel('项目')
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectDto)
  project!: ProjectDto;
}

@Controller('g')
class GuardedController {
  @Post('projects')
  register(@Body() body: RegisterDto) {
    return { name: body.project.name };
  }

  /** No DTO at all, as in a service's internal API: the generic checks still apply. */
  @Post('raw')
  raw(@Body() body: unknown) {
    return { ok: typeof body };
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('list')
  list(@Query() query: PageQuery) {
    return query;
  }
}

const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('the input guard (every service)', () => {
  let app: INestApplication;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    const ref = await Test.createTestingModule({ imports: [HttpPlatformModule], controllers: [GuardedController] }).compile();
    app = ref.createNestApplication({ logger: false });
    Logger.overrideLogger(false);
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  const expect400 = (res: request.Response, detail: RegExp) => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect(res.body.detail).toMatch(detail);
  };

  it.each([
    ['a NUL byte', { project: { name: 'a\u0000b' } }, /项目名称（project\.name）不能包含空字符/],
    ['a lone high surrogate', { project: { name: '\ud800x' } }, /项目名称（project\.name）包含无效的字符/],
    ['a lone low surrogate', { project: { name: 'x\udc00' } }, /项目名称（project\.name）包含无效的字符/],
    ['a NUL in a key', { project: { name: 'x', 'k\u0000': 1 } }, /project\.k.*不能包含空字符/],
    ['a number for a name', { project: { name: 42 } }, /项目名称（project\.name）必须是文本/],
    ['null for the project', { project: null }, /项目（project）为必填项/],
    ['a list for the project', { project: [] }, /项目（project）/],
    ['an empty object', {}, /项目（project）为必填项/],
  ])('refuses %s with a Chinese 400 naming the field', async (_, body, detail) => {
    expect400(await api().post('/g/projects').send(body), detail);
  });

  it('accepts a well-formed pair of surrogates (an emoji is text)', async () => {
    const res = await api().post('/g/projects').send({ project: { name: '校舍😀' } });
    expect(res.status).toBe(201);
  });

  it('refuses JSON nested 10,000 levels without a stack overflow, where no DTO would stop it', async () => {
    for (const path of ['/g/projects', '/g/raw']) {
      const res = await api().post(path).set('content-type', 'application/json').send(nested(10_000));
      expect400(res, /嵌套层级过深/);
    }
  });

  it('accepts 60 levels of nesting', async () => {
    const res = await api().post('/g/raw').set('content-type', 'application/json').send(nested(60));
    expect(res.status).toBe(201);
  });

  it('guards a body without a DTO (a service internal API) against NUL bytes', async () => {
    expect400(await api().post('/g/raw').send({ project: { name: 'a\u0000' } }), /project\.name.*不能包含空字符/);
  });

  it('refuses a body that is not JSON, and one that does not parse', async () => {
    expect400(await api().post('/g/projects').set('content-type', 'text/plain').send('hello'), /必须是 JSON/);
    expect400(await api().post('/g/projects').set('content-type', 'application/json').send('{"project":'), /不是有效的 JSON/);
  });

  it('refuses a NUL byte and broken UTF-8 in a path parameter', async () => {
    expect400(await api().get('/g/items/a%00b'), /不能包含空字符/);
    expect400(await api().get('/g/items/%ED%A0%80'), /无效的编码/);
  });

  it('refuses query integers beyond the safe range', async () => {
    expect400(await api().get('/g/list?page=99999999999999999999'), /page.*超出允许范围/);
    expect400(await api().get('/g/list?page=9000000'), /页码（page）不能大于/);
  });

  it('answers 413 problem+json to a body over the limit', async () => {
    const res = await api().post('/g/raw').send({ text: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers, no X-Powered-By, and no-store', async () => {
    const res = await api().get('/g/items/1');
    expect(res.status).toBe(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('answers a 20 kB header with a 431 problem+json instead of Node bare one', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/g/items/1`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/请求头过大/);
  });
});

describe('findUnsafeInput', () => {
  it('walks a million levels without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(findUnsafeInput(deep)?.reason).toBe('too-deep');
  });
  it('names the path of the first offence', () => {
    expect(findUnsafeInput({ a: [{ b: 'ok' }, { c: '\u0000' }] })).toEqual({ path: ['a', 1, 'c'], reason: 'nul' });
  });
});
