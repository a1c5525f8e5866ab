import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { StaffUser } from './entities/staff-user.entity';
import { verifyPassword } from './password-hasher';
import { LoginResponseDto } from './dto/login.dto';
import { StaffPrincipal } from './roles';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginResponseDto> {
    const user = await this.staff
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.departments', 'department')
      .where('LOWER(user.email) = LOWER(:email)', { email })
      .getOne();
    // The same answer for an unknown e-mail and a wrong password.
    if (!user || !user.active || !(await verifyPassword(user.passwordHash, password))) {
      throw new UnauthorizedException('Wrong e-mail or password');
    }
    return this.issueToken({
      id: user.id,
      email: user.email,
      role: user.role,
      departmentCodes: user.departments.map((membership) => membership.departmentCode),
    });
  }

  /**
   * The bearer token of a staff member who has proved who they are, by password or through the
   * identity provider: every sign-in method ends here, so every token is of one kind.
   */
  async issueToken(staff: StaffPrincipal): Promise<LoginResponseDto> {
    const accessToken = await this.jwt.signAsync({
      sub: staff.id,
      email: staff.email,
      role: staff.role,
      departments: [...staff.departmentCodes].sort(),
    });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, role: staff.role };
  }
}
