import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { WEBHOOK_DELIVERY_STATUSES, WebhookDeliveryStatus } from '../entities/webhook-delivery.entity';

export class ListWebhookDeliveriesQuery extends PaginationQueryDto {
  @ApiProperty({
    required: false,
    enum: WEBHOOK_DELIVERY_STATUSES,
    description: 'e.g. failed: the deliveries to look at and resend',
  })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;

  @ApiProperty({ required: false, example: 'TEK' })
  @IsOptional()
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiProperty({
    required: false,
    description: 'true: only the stuck ones, still pending STUCK_AFTER_MINUTES (default 15) after they were queued',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  stuck?: boolean;
}
