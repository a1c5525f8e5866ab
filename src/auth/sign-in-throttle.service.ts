import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { once } from 'node:events';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AccountLockedError, TooManyRequestsError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisConnectionOptions } from '../queue/redis-connection-options';

/** An attempt let through `admit`: how many attempts its account has made in the window, this one included. */
export interface AdmittedAttempt {
  account: string;
  address: string;
  accountAttempts: number;
}

/**
 * Counts sign-in attempts and refuses them past two limits (OWASP ASVS 4.0 V2.2.1; NIST SP
 * 800-63B 5.2.2), with rate-limiter-flexible's counters: in Redis when REDIS_URL is set, so that
 * every API process counts together (in this process's memory while Redis is unreachable), and
 * in memory otherwise.
 *
 * - **Per account** (the hashed e-mail address, known or not): an attempt is counted before its
 *   password is checked, so parallel guesses cannot slip past the limit; a success clears the
 *   count. The failure that reaches `LOGIN_ACCOUNT_MAX_FAILURES` locks the address for
 *   `LOGIN_ACCOUNT_LOCKOUT_SECONDS`, until then or until an admin unlocks it.
 * - **Per client address**: only failures count (a service center signs many staff in from one
 *   address), and past `LOGIN_ADDRESS_MAX_FAILURES` within `LOGIN_ADDRESS_WINDOW_SECONDS` every
 *   attempt from the address is refused until the window ends, which also bounds how many
 *   accounts one address can lock.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private redis: IORedis | undefined;
  private limiters: { account: RateLimiterAbstract; address: RateLimiterAbstract } | undefined;
  /** Settles once the first connection to Redis is made or has taken too long; null without Redis. */
  private firstConnection: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Lets an attempt through, counting it against its account.
   *
   * @throws TooManyRequestsError when the address is over its failures (nothing is counted then)
   * @throws AccountLockedError when the account is locked or already at its limit
   */
  async admit(account: string, address: string): Promise<AdmittedAttempt> {
    const limits = this.config.signIn;
    const store = await this.store();
    const addressCount = await store.address.get(address);
    if (addressCount && addressCount.consumedPoints >= limits.addressMaxFailures) {
      throw new TooManyRequestsError(
        'Too many failed sign-ins from this address; try again later',
        seconds(addressCount.msBeforeNext),
      );
    }
    try {
      const counted = await store.account.consume(account);
      return { account, address, accountAttempts: counted.consumedPoints };
    } catch (refusal: unknown) {
      if (refusal instanceof RateLimiterRes) throw lockedError(refusal.msBeforeNext);
      throw refusal;
    }
  }

  /**
   * Counts a failure against the address, and locks the account when this failure reaches its
   * limit: answers the lock it engaged (to be thrown, so the caller hears of it at once), or null.
   */
  async recordFailure(attempt: AdmittedAttempt): Promise<AccountLockedError | null> {
    const limits = this.config.signIn;
    const store = await this.store();
    await store.address.penalty(attempt.address);
    if (attempt.accountAttempts < limits.accountMaxFailures) return null;
    await store.account.block(attempt.account, limits.accountLockoutSeconds);
    return lockedError(limits.accountLockoutSeconds * 1000);
  }

  /** A success clears the account's failures; the address keeps its count. */
  async recordSuccess(attempt: AdmittedAttempt): Promise<void> {
    const store = await this.store();
    await store.account.delete(attempt.account);
  }

  /** Clears an account's failures and lifts its lock; answers whether it was locked. */
  async unlock(account: string): Promise<boolean> {
    const store = await this.store();
    const count = await store.account.get(account);
    await store.account.delete(account);
    return count !== null && count.consumedPoints > this.config.signIn.accountMaxFailures;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  /**
   * The counters, made on first use: a worker process, which signs nobody in, opens no connection
   * for them. The first use waits up to a second for Redis to connect, so that the first sign-ins
   * after a start are not counted in this process's memory alone.
   */
  private async store(): Promise<{ account: RateLimiterAbstract; address: RateLimiterAbstract }> {
    this.limiters ??= this.createLimiters();
    if (this.firstConnection) await this.firstConnection;
    return this.limiters;
  }

  private createLimiters(): { account: RateLimiterAbstract; address: RateLimiterAbstract } {
    const limits = this.config.signIn;
    const account = {
      keyPrefix: `${this.config.queue.prefix}:sign-in:account`,
      points: limits.accountMaxFailures,
      duration: limits.accountLockoutSeconds,
      blockDuration: limits.accountLockoutSeconds,
    };
    const address = {
      keyPrefix: `${this.config.queue.prefix}:sign-in:address`,
      points: limits.addressMaxFailures,
      duration: limits.addressWindowSeconds,
    };
    if (!this.config.redisUrl) {
      return { account: new RateLimiterMemory(account), address: new RateLimiterMemory(address) };
    }
    // Fail fast while Redis is away, and count in memory meanwhile rather than let nobody in.
    const redis = new IORedis({
      ...redisConnectionOptions(this.config.redisUrl),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    redis.on('error', () => undefined);
    this.redis = redis;
    this.firstConnection = Promise.race([
      once(redis, 'ready').then(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, 1000).unref()),
    ]).finally(() => {
      this.firstConnection = null;
    });
    const inRedis = (options: typeof account | typeof address) =>
      new RateLimiterRedis({
        ...options,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    return { account: inRedis(account), address: inRedis(address) };
  }
}

function seconds(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}

function lockedError(msBeforeNext: number): AccountLockedError {
  return new AccountLockedError(
    'Too many failed sign-ins for this e-mail address; try again later or ask an admin to unlock it',
    seconds(msBeforeNext),
  );
}
