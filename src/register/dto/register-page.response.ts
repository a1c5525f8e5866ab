import { ApiProperty } from '@nestjs/swagger';
import { PUBLIC_STATUSES, PublicStatus } from '../register-publication';

/** One case in the public register: no personal data, its text redacted when it was published. */
export class RegisterItemResponse {
  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ example: '2026-03-02T09:30:00.000Z', description: 'UTC' })
  receivedAt: string;

  @ApiProperty({
    nullable: true,
    example: 'street_light',
    description: 'The catalog code; null for a confidential case',
  })
  caseType: string | null;

  @ApiProperty({
    nullable: true,
    example: 'Gatubelysning ur funktion',
    description: 'The type in the asked language; "Sekretess" (the language\'s word) for a confidential case',
  })
  caseTypeName: string | null;

  @ApiProperty({ nullable: true, example: 'TEK' })
  department: string | null;

  @ApiProperty({ nullable: true, example: 'Tekniska förvaltningen' })
  departmentName: string | null;

  @ApiProperty({ enum: PUBLIC_STATUSES })
  status: PublicStatus;

  @ApiProperty({
    nullable: true,
    example: 'Gatlyktan vid [adress] är trasig.',
    description:
      'The published summary, personal data replaced by markers; "Sekretess" (the language\'s word) for a ' +
      'confidential case; null for a type that publishes only that the case exists',
  })
  summary: string | null;

  @ApiProperty()
  confidential: boolean;
}

/** A page of the public register, newest received first. */
export class RegisterPageResponse {
  @ApiProperty({ type: [RegisterItemResponse] })
  items: RegisterItemResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 134, description: 'How many entries match the filters' })
  total: number;
}
