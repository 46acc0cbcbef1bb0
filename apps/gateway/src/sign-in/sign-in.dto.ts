import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { TOKEN_ROLES, type TokenRole } from '../auth/auth.config';
import { IdField, TextField } from '../common/dto';

/** 本地登录: a sample identity for local use; the server signs it with the local secret. */
export class LocalSignInDto {
  @ApiProperty({ description: '角色', enum: TOKEN_ROLES })
  @FieldLabel('角色')
  @IsIn(TOKEN_ROLES)
  role!: TokenRole;

  @IdField('预算单位', '所属预算单位编码；预算单位用户必填', true)
  unit?: string;

  @IdField('用户', '用户标识', false)
  sub!: string;

  @TextField('姓名', '显示的姓名', 50, true)
  name?: string;
}

export class LocalTokenDto {
  @ApiProperty({ description: '访问令牌（Bearer）' })
  token!: string;

  @ApiProperty({ description: '有效期（秒）' })
  expiresIn!: number;
}

export class OidcOptionsDto {
  @ApiProperty({ description: '身份提供方的授权地址' })
  authorizeUrl!: string;

  @ApiProperty({ description: '控制台在身份提供方登记的客户端编号' })
  clientId!: string;
}

export class SignInOptionsDto {
  @ApiProperty({ description: '是否可用本地登录（仅本地模式）' })
  local!: boolean;

  @ApiPropertyOptional({ description: '统一身份认证（OIDC）登录的配置', type: OidcOptionsDto })
  oidc?: OidcOptionsDto;
}
