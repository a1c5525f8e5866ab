import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OrganisationModule } from '../organisation/organisation.module';
import { StaffDepartment } from './entities/staff-department.entity';
import { StaffSession } from './entities/staff-session.entity';
import { StaffUser } from './entities/staff-user.entity';
import { PasswordHasher } from './password-hasher';
import { SignInLog } from './sign-in-log';
import { SignInThrottle } from './sign-in-throttle.service';
import { StaffSessionService } from './staff-session.service';
import { StaffService } from './staff.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([StaffUser, StaffDepartment, StaffSession]),
    OrganisationModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A prepared key: given the secret as a string, the JWT library first tries (and fails) to
        // read it as a public key on every verification, a large share of an API request's CPU.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        // AuthService puts iat and exp in the claims itself, and the session expires with them.
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    AuthService,
    StaffService,
    StaffSessionService,
    PasswordHasher,
    SignInThrottle,
    SignInLog,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [AuthService, AuthGuard, StaffService, PasswordHasher],
})
export class AuthModule {}
