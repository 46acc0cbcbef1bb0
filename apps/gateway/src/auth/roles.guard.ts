import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@bpm/contracts';
import { actorOfRequest } from './actor';
import { authProblems } from './auth-problems';
import { ROLES_KEY } from './decorators';

/** Global: enforces `@Roles(...)`, on the handler or else on the controller. Runs after JwtAuthGuard. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const actor = actorOfRequest(context.switchToHttp().getRequest());
    if (!actor) throw authProblems.missingToken();
    if (!roles.includes(actor.role)) throw authProblems.roleForbidden(roles, actor.role);
    return true;
  }
}
