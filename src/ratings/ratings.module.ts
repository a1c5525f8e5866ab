import { Module } from '@nestjs/common';
import { RatingsService } from './ratings.service';

/** Citizen ratings; RatingsService is exported for a later public survey link. */
@Module({
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
