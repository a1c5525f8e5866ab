import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const REQUIRED_ROLES = 'requiredRoles';

/** Only these roles may call the endpoint; without it, any signed-in staff member may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
