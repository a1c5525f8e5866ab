import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { StaffPrincipal } from './roles';

/** The signed-in staff member, as the auth guard verified them. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  return context.switchToHttp().getRequest<{ staff: StaffPrincipal }>().staff;
});
