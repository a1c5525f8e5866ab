import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DuplicatesService } from './duplicates.service';

@Module({ imports: [CasesModule], providers: [DuplicatesService] })
export class DuplicatesModule {}
