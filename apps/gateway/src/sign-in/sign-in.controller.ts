import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@bpm/http';
import { isLocalMode } from '@bpm/config';
import { AUTH_CONFIG, Public, signToken, type AuthConfig } from '../auth';
import { LocalSignInDto, LocalTokenDto, SignInOptionsDto } from './sign-in.dto';

const LOCAL_TOKEN_SECONDS = 8 * 3600;

/**
 * How the console signs in. Production: the identity provider (OIDC_AUTHORIZE_URL and
 * OIDC_CLIENT_ID for the redirect; the gateway checks its tokens via JWT_JWKS_URL). Local mode
 * only: a token for a sample identity, signed with the local secret; refused everywhere else.
 */
@ApiTags('登录')
@Public()
@Controller('sign-in')
export class SignInController {
  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  private localAllowed(): boolean {
    return isLocalMode(process.env) && this.config.mode === 'secret';
  }

  @Get('options')
  @ApiOperation({ summary: '登录方式', description: '控制台据此显示本地登录或跳转统一身份认证。' })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsDto {
    const authorizeUrl = process.env['OIDC_AUTHORIZE_URL']?.trim();
    const clientId = process.env['OIDC_CLIENT_ID']?.trim();
    return { local: this.localAllowed(), ...(authorizeUrl && clientId ? { oidc: { authorizeUrl, clientId } } : {}) };
  }

  @Post('local')
  @HttpCode(200)
  @ApiOperation({ summary: '本地登录（仅本地模式）', description: '以示例身份取得访问令牌；非本地模式一律拒绝（403）。' })
  @ApiOkResponse({ type: LocalTokenDto })
  async local(@Body() body: LocalSignInDto): Promise<LocalTokenDto> {
    if (!this.localAllowed() || this.config.mode !== 'secret') {
      throw new ProblemException(403, 'LOCAL_SIGN_IN_DISABLED', '本地登录仅在本地模式下可用，请通过统一身份认证登录');
    }
    if (body.role === 'unit' && !body.unit) {
      throw new ProblemException(400, 'VALIDATION_FAILED', '预算单位用户须选择所属单位', { errors: [{ field: 'unit', message: '请选择所属单位' }] });
    }
    const { secret, issuer, audience } = this.config;
    const token = await signToken(
      { sub: body.sub, role: body.role, unit: body.role === 'unit' ? body.unit : undefined, name: body.name },
      { secret, issuer, audience, ttl: LOCAL_TOKEN_SECONDS },
    );
    return { token, expiresIn: LOCAL_TOKEN_SECONDS };
  }
}
