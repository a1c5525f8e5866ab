import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { ContactsModule } from '../contacts/contacts.module';
import { CitizenRating } from './entities/citizen-rating.entity';
import { RatingsService } from './ratings.service';

/** Citizen ratings; RatingsService is exported for the citizens' survey (src/e-service). */
@Module({
  imports: [TypeOrmModule.forFeature([CitizenRating]), CasesModule, ContactsModule],
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
