import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { AccountLockedError, InvalidInputError, TooManyRequestsError } from '../common/domain-errors';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { TransactionService } from '../database/transaction.service';
import { StaffUser } from './entities/staff-user.entity';
import { PasswordHasher } from './password-hasher';
import { LoginResponseDto } from './dto/login.dto';
import { StaffPrincipal } from './roles';
import { signInAccountName } from './sign-in-account';
import { SignInFailure, SignInLog } from './sign-in-log';
import { AdmittedAttempt, SignInThrottle } from './sign-in-throttle.service';
import { StaffSessionService } from './staff-session.service';
import { TokenClaims } from './auth.guard';

/**
 * The one answer to every sign-in that fails its check, whatever the reason (OWASP Authentication
 * Cheat Sheet, "Authentication and error messages": no account enumeration).
 */
const WRONG_CREDENTIALS = 'Wrong e-mail or password';

/**
 * Sign-in, log-out and a staff member's own password change: everything that checks a password
 * or ends the caller's session.
 *
 * A sign-in takes the same steps whether the e-mail belongs to an active account, an inactive
 * one or nobody: the same limits, one lookup, one argon2 verification (against a stand-in hash
 * when there is no account), and the same 401 answer, so neither the answer nor its time tells
 * which accounts exist (`bench/sign-in-timing.mjs` measures the time).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly transactions: TransactionService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly sessions: StaffSessionService,
    private readonly log: SignInLog,
  ) {}

  /**
   * Signs a staff member in from a client address: a bearer token for a new session.
   *
   * @throws UnauthorizedException (401) for an unknown e-mail, a wrong password or an inactive account, alike
   * @throws AccountLockedError (429) when the e-mail address is locked, or this failure locks it
   * @throws TooManyRequestsError (429) when the client address has failed too often
   */
  async login(email: string, password: string, address: string): Promise<LoginResponseDto> {
    const account = signInAccountName(email, this.config.personalDataKey);
    const attempt = await this.admit(account, address);
    const user = await this.staff
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.departments', 'department')
      .where('LOWER(user.email) = LOWER(:email)', { email })
      .getOne();
    const matches = await this.passwords.verify(user?.passwordHash ?? this.passwords.standInHash(), password);
    const subject = { staffId: user?.id ?? null, account, address };
    const failure: SignInFailure | null = !user
      ? 'unknown_account'
      : !matches
        ? 'wrong_password'
        : !user.active
          ? 'inactive_account'
          : null;
    if (!user || failure) {
      this.log.failed(subject, failure ?? 'unknown_account');
      const lock = await this.throttle.recordFailure(attempt);
      if (lock) {
        this.log.locked(subject, lock.retryAfterSeconds);
        throw lock;
      }
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.throttle.recordSuccess(attempt);
    const { token, sessionId } = await this.startSession({
      id: user.id,
      email: user.email,
      role: user.role,
      departmentCodes: user.departments.map((membership) => membership.departmentCode),
    });
    this.log.succeeded(subject, sessionId);
    return token;
  }

  /**
   * The bearer token of a staff member who has proved who they are, by password or through the
   * identity provider: every sign-in method ends here, so every token is of one kind and starts
   * a session of its own (ended by log-out, deactivation or a password change).
   */
  async issueToken(staff: Omit<StaffPrincipal, 'sessionId'>): Promise<LoginResponseDto> {
    return (await this.startSession(staff)).token;
  }

  private async startSession(
    staff: Omit<StaffPrincipal, 'sessionId'>,
  ): Promise<{ token: LoginResponseDto; sessionId: string }> {
    // A token's life is real time elapsed, checked on the system clock like its signature.
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.jwtExpiresInSeconds;
    const sessionId = await this.transactions.run((manager) =>
      this.sessions.start(manager, staff.id, this.clock.now(), new Date((issuedAt + expiresIn) * 1000)),
    );
    const claims: TokenClaims = {
      sub: staff.id,
      sid: sessionId,
      email: staff.email,
      role: staff.role,
      departments: [...staff.departmentCodes].sort(),
      iat: issuedAt,
      exp: issuedAt + expiresIn,
    };
    const accessToken = await this.jwt.signAsync(claims);
    return { token: { accessToken, expiresIn, role: staff.role }, sessionId };
  }

  /** Ends the caller's session: the token they presented stops working at once. */
  async logout(principal: StaffPrincipal): Promise<void> {
    await this.transactions.run((manager) =>
      this.sessions.end(manager, principal.sessionId, 'logout', this.clock.now()),
    );
    this.log.loggedOut(principal.id, principal.sessionId);
  }

  /**
   * The caller's own password change: the current password is checked like a sign-in (it counts
   * towards the same limits), and every other session of theirs ends (OWASP ASVS 4.0 V2.1.6, V3.3.3).
   *
   * @throws InvalidInputError (400) when the current password is wrong, or the new one is the same
   * @throws AccountLockedError, TooManyRequestsError (429) as for a sign-in
   */
  async changePassword(
    principal: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<void> {
    const account = signInAccountName(principal.email, this.config.personalDataKey);
    const attempt = await this.admit(account, address);
    const user = await this.staff
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id: principal.id })
      .getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      const subject = { staffId: user.id, account, address };
      this.log.failed(subject, 'wrong_password');
      const lock = await this.throttle.recordFailure(attempt);
      if (lock) {
        this.log.locked(subject, lock.retryAfterSeconds);
        throw lock;
      }
      throw new InvalidInputError(['currentPassword is not the current password']);
    }
    await this.throttle.recordSuccess(attempt);
    if (newPassword === currentPassword) {
      throw new InvalidInputError(['newPassword must differ from the current password']);
    }
    const passwordHash = await this.passwords.hash(newPassword);
    const ended = await this.transactions.run(async (manager) => {
      await manager.update(StaffUser, { id: user.id }, { passwordHash });
      return this.sessions.endAllOf(manager, user.id, 'password_changed', this.clock.now(), principal.sessionId);
    });
    this.log.sessionsEnded(user.id, 'password_changed', ended, user.id);
  }

  /** `SignInThrottle.admit`, with the refusal logged. */
  private async admit(account: string, address: string): Promise<AdmittedAttempt> {
    try {
      return await this.throttle.admit(account, address);
    } catch (refusal: unknown) {
      if (refusal instanceof TooManyRequestsError) {
        this.log.refused(
          { staffId: null, account, address },
          refusal instanceof AccountLockedError ? 'account' : 'address',
          refusal.retryAfterSeconds,
        );
      }
      throw refusal;
    }
  }
}
