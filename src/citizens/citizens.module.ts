import { Global, Module } from '@nestjs/common';
import { CitizensService } from './citizens.service';

@Global()
@Module({
  providers: [CitizensService],
  exports: [CitizensService],
})
export class CitizensModule {}
