import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class PutDepartmentWebhookDto {
  @ApiProperty({
    example: 'https://workorders.norrvika.example/hooks/onewayin',
    description: 'https; http only to localhost outside production',
  })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    required: false,
    minLength: 16,
    description:
      'Signs every delivery (HMAC-SHA256). Required the first time; leave out to keep the current one. Never shown again.',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiProperty({
    required: false,
    default: true,
    description: 'false stops new deliveries without forgetting the address',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
