jest.mock('jose', () => require('./testing/native-jose').nativeJose());

import { Controller, Get, INestApplication, Logger, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HttpPlatformModule, setupOpenApi } from '@bpm/http';
import { SignJWT } from 'jose';
import request from 'supertest';
import { AuthenticatedActor } from './actor';
import { DEFAULT_JWT_SECRET } from './auth.config';
import { AuthModule } from './auth.module';
import { CurrentActor, Public, Roles } from './decorators';
import { TokenClaims, signToken } from './sign-token';
import { assertUnitScope, unitFilterFor } from './unit-scope';

const SECRET = 'test-secret-for-the-gateway-auth-spec';
const now = () => Math.floor(Date.now() / 1000);

@Controller()
class ProbeController {
  @Public()
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('me')
  me(@CurrentActor() actor: AuthenticatedActor): AuthenticatedActor {
    return actor;
  }

  @Roles('finance-admin')
  @Post('indicator-library')
  keepLibrary(): { ok: true } {
    return { ok: true };
  }

  @Get('units/:unitId/goals')
  goalsOfUnit(@CurrentActor() actor: AuthenticatedActor, @Param('unitId') unitId: string): { unitId: string } {
    assertUnitScope(actor, unitId);
    return { unitId };
  }

  @Get('goals')
  goals(@CurrentActor() actor: AuthenticatedActor): { unit: string | null } {
    return { unit: unitFilterFor(actor) ?? null };
  }
}

@Roles('finance-reviewer', 'finance-admin')
@Controller('reviews')
class ReviewController {
  @Get()
  list(): string[] {
    return [];
  }

  @Roles('auditor')
  @Get('history')
  history(): string[] {
    return ['replayed'];
  }
}

describe('gateway auth (HS256 secret)', () => {
  let app: INestApplication;
  const token = (claims: TokenClaims, ttl: string | number = '8h') => signToken(claims, { secret: SECRET, ttl });
  const get = (path: string, bearer?: string) => {
    const req = request(app.getHttpServer()).get(path);
    return bearer === undefined ? req : req.set('Authorization', `Bearer ${bearer}`);
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HttpPlatformModule, AuthModule.forRoot({ secret: SECRET })],
      controllers: [ProbeController, ReviewController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    Logger.overrideLogger(false);
    setupOpenApi(app, { title: 'gateway', path: 'docs' });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const expect401 = (res: request.Response, code: string): void => {
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="bpm"/);
    expect(res.body).toMatchObject({ status: 401, code, type: expect.stringMatching(/^https:\/\/bpm\.local\/problems\//) });
    expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
  };

  describe('authentication', () => {
    it('lets anyone reach a @Public() route', async () => {
      const res = await get('/health');
      expect(res.status).toBe(200);
    });

    it('puts the actor from the token on the request', async () => {
      const res = await get('/me', await token({ sub: 'zhang3', role: 'unit', unit: 'U001', name: '张三' }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: 'zhang3', role: 'unit', unit: 'U001', name: '张三' });
    });

    it('answers 401 when the token is missing', async () => {
      const res = await get('/me');
      expect401(res, 'UNAUTHENTICATED');
      expect(res.body.detail).toBe('未登录或缺少访问令牌，请先登录');
      expect(res.body.instance).toBe('/me');
    });

    it('answers 401 for a header that is not a bearer token', async () => {
      const res = await request(app.getHttpServer()).get('/me').set('Authorization', 'Basic dXNlcjpwYXNz');
      expect401(res, 'TOKEN_INVALID');
    });

    it('answers 401 for garbage', async () => {
      expect401(await get('/me', 'not.a.token'), 'TOKEN_INVALID');
    });

    it('answers 401 for a token signed with another secret', async () => {
      const forged = await signToken({ sub: 'x', role: 'finance-admin' }, { secret: DEFAULT_JWT_SECRET });
      const res = await get('/me', forged);
      expect401(res, 'TOKEN_INVALID');
      expect(res.body.detail).toBe('访问令牌无效，请重新登录');
    });

    it('answers 401 for the wrong issuer or audience', async () => {
      expect401(await get('/me', await signToken({ sub: 'x', role: 'auditor' }, { secret: SECRET, issuer: 'evil' })), 'TOKEN_INVALID');
      expect401(await get('/me', await signToken({ sub: 'x', role: 'auditor' }, { secret: SECRET, audience: 'other' })), 'TOKEN_INVALID');
    });

    it('answers 401 for an unsigned (alg none) token', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(
        JSON.stringify({ sub: 'x', role: 'finance-admin', iss: 'bpm-local', aud: 'bpm', exp: now() + 600 }),
      ).toString('base64url');
      expect401(await get('/me', `${header}.${body}.`), 'TOKEN_INVALID');
    });

    it('answers 401 with 登录已过期 for an expired token', async () => {
      const expired = await signToken({ sub: 'x', role: 'auditor' }, { secret: SECRET, issuedAt: now() - 3600, ttl: 60 });
      const res = await get('/me', expired);
      expect401(res, 'TOKEN_EXPIRED');
      expect(res.body.detail).toBe('登录已过期，请重新登录');
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    });

    it('answers 401 for a token with an unknown role, no role, or a unit user without unit', async () => {
      const key = new TextEncoder().encode(SECRET);
      const raw = (payload: Record<string, unknown>) =>
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer('bpm-local')
          .setAudience('bpm')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(key);
      expect401(await get('/me', await raw({ role: 'root' })), 'TOKEN_CLAIMS_INVALID');
      expect401(await get('/me', await raw({ role: 'system' })), 'TOKEN_CLAIMS_INVALID');
      expect401(await get('/me', await raw({})), 'TOKEN_CLAIMS_INVALID');
      expect401(await get('/me', await raw({ role: 'unit' })), 'TOKEN_CLAIMS_INVALID');
    });

    it('refuses a token without expiry', async () => {
      const key = new TextEncoder().encode(SECRET);
      const forever = await new SignJWT({ role: 'auditor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('bpm-local')
        .setAudience('bpm')
        .sign(key);
      expect401(await get('/me', forever), 'TOKEN_INVALID');
    });

    describe('token times (lifetime capped at 12 h, no issue time in the future)', () => {
      const timed = (times: { iat?: number; exp: number }) => {
        const jwt = new SignJWT({ role: 'auditor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('bpm-local').setAudience('bpm');
        if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
        return jwt.setExpirationTime(times.exp).sign(new TextEncoder().encode(SECRET));
      };

      it('accepts exactly the maximum lifetime and a small clock skew', async () => {
        expect((await get('/me', await timed({ iat: now(), exp: now() + 12 * 3600 }))).status).toBe(200);
        expect((await get('/me', await timed({ iat: now() + 3, exp: now() + 3600 }))).status).toBe(200);
      });

      it('refuses a lifetime past the cap, such as an expiry in the year 33,000', async () => {
        expect401(await get('/me', await timed({ iat: now(), exp: now() + 12 * 3600 + 60 })), 'TOKEN_INVALID');
        expect401(await get('/me', await timed({ iat: now(), exp: Date.UTC(33000, 0, 1) / 1000 })), 'TOKEN_INVALID');
        expect401(await get('/me', await signToken({ sub: 'x', role: 'auditor' }, { secret: SECRET, ttl: '7d' })), 'TOKEN_INVALID');
      });

      it('refuses a token issued in the future, or without an issue time', async () => {
        expect401(await get('/me', await timed({ iat: now() + 3600, exp: now() + 7200 })), 'TOKEN_INVALID');
        expect401(await get('/me', await timed({ exp: now() + 600 })), 'TOKEN_INVALID');
      });
    });
  });

  it('serves the docs without a token and marks public routes as needing none', async () => {
    const res = await get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/health'].get.security).toEqual([{}]);
    expect(res.body.paths['/me'].get.security).toBeUndefined();
  });

  describe('roles', () => {
    it('answers 403 for the wrong role, naming the allowed roles in Chinese', async () => {
      const res = await request(app.getHttpServer())
        .post('/indicator-library')
        .set('Authorization', `Bearer ${await token({ sub: 'li4', role: 'finance-reviewer' })}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, code: 'ROLE_FORBIDDEN' });
      expect(res.body.detail).toBe('无权执行此操作：此操作仅限财政绩效管理人员，当前角色为财政绩效审核人员');
    });

    it('lets the right role through', async () => {
      const res = await request(app.getHttpServer())
        .post('/indicator-library')
        .set('Authorization', `Bearer ${await token({ sub: 'wang5', role: 'finance-admin' })}`);
      expect(res.status).toBe(201);
    });

    it('applies controller roles, and a handler’s roles override them', async () => {
      const reviewer = await token({ sub: 'li4', role: 'finance-reviewer' });
      const auditor = await token({ sub: 'audit1', role: 'auditor' });
      expect((await get('/reviews', reviewer)).status).toBe(200);
      expect((await get('/reviews', auditor)).status).toBe(403);
      expect((await get('/reviews/history', auditor)).status).toBe(200);
      expect((await get('/reviews/history', reviewer)).status).toBe(403);
    });

    it('still answers 401 (not 403) without a token on a role-restricted route', async () => {
      expect401(await get('/reviews'), 'UNAUTHENTICATED');
    });
  });

  describe('unit scope', () => {
    it('refuses a unit user another unit’s records', async () => {
      const res = await get('/units/U002/goals', await token({ sub: 'zhang3', role: 'unit', unit: 'U001' }));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 403, code: 'UNIT_SCOPE_FORBIDDEN', instance: '/units/U002/goals' });
      expect(res.body.detail).toContain('无权访问其他单位的数据');
    });

    it('allows a unit user their own unit', async () => {
      const res = await get('/units/U001/goals', await token({ sub: 'zhang3', role: 'unit', unit: 'U001' }));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ unitId: 'U001' });
    });

    it('allows auditors and finance staff every unit', async () => {
      for (const role of ['auditor', 'finance-reviewer', 'finance-admin'] as const) {
        const res = await get('/units/U002/goals', await token({ sub: 'x', role }));
        expect(res.status).toBe(200);
      }
    });

    it('refuses an evaluator unless the caller has checked the assignment', async () => {
      const res = await get('/units/U002/goals', await token({ sub: 'expert1', role: 'evaluator' }));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('EVALUATOR_NOT_ASSIGNED');
    });

    it('narrows lists to the unit user’s own unit', async () => {
      expect((await get('/goals', await token({ sub: 'zhang3', role: 'unit', unit: 'U001' }))).body).toEqual({ unit: 'U001' });
      expect((await get('/goals', await token({ sub: 'audit1', role: 'auditor' }))).body).toEqual({ unit: null });
    });
  });
});
