import { ApiProperty } from '@nestjs/swagger';

/** An admin lifted a sign-in lock: whose, and whether there was one. */
export class SignInUnlockResponse {
  @ApiProperty({ format: 'uuid', description: 'The staff member whose e-mail address was unlocked' })
  staffId: string;

  @ApiProperty({
    description: 'Whether failed sign-ins had locked the address; its count of failures is cleared either way',
  })
  wasLocked: boolean;
}

export function toSignInUnlockResponse(staffId: string, wasLocked: boolean): SignInUnlockResponse {
  return { staffId, wasLocked };
}
