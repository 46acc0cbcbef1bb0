import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Role } from '@bpm/contracts';
import { actorOfRequest } from './actor';

export const IS_PUBLIC_KEY = 'bpm:auth:public';
export const ROLES_KEY = 'bpm:auth:roles';

/** No token needed: health, docs, public disclosure (公开). */
export const Public = (): MethodDecorator & ClassDecorator =>
  ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    SetMetadata(IS_PUBLIC_KEY, true)(target, key as string, descriptor as PropertyDescriptor);
    // Tell OpenAPI no bearer token is required here.
    ApiSecurity({})(target as never, key as never, descriptor as never);
  }) as MethodDecorator & ClassDecorator;

/** Only these roles may call the route (or every route of the controller). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The signed-in actor; undefined only on public routes. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  actorOfRequest(ctx.switchToHttp().getRequest()),
);
