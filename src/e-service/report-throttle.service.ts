import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { redisConnectionOptions } from '../queue/redis-connection-options';

/**
 * Limits what one client address may send through the citizens' pages (reports on the e-service
 * form, information added on the tracking page, survey answers): E_SERVICE_REPORTS_PER_ADDRESS within
 * E_SERVICE_WINDOW_SECONDS, every attempt counted, accepted or not, so a flood of bad forms is
 * stopped as well. The client address is Express's `request.ip` (TRUST_PROXY_HOPS decides whom to
 * believe). Counted with rate-limiter-flexible in Redis when REDIS_URL is set, so every API
 * process counts together, and in this process's memory while Redis is away or not used.
 */
@Injectable()
export class ReportThrottle implements OnModuleDestroy {
  private limiter: RateLimiterAbstract | undefined;
  private redis: IORedis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Counts one submission from `address`.
   *
   * @throws TooManyRequestsError (429, with the seconds until the next is taken) past the limit.
   */
  async take(address: string): Promise<void> {
    try {
      await this.counters().consume(address);
    } catch (refusal: unknown) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw new TooManyRequestsError(
        'Too many reports from this address; try again later',
        Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  private counters(): RateLimiterAbstract {
    if (this.limiter) return this.limiter;
    const options = {
      keyPrefix: `${this.config.queue.prefix}:e-service:address`,
      points: this.config.eService.reportsPerAddress,
      duration: this.config.eService.windowSeconds,
    };
    if (!this.config.redisUrl) return (this.limiter = new RateLimiterMemory(options));
    this.redis = new IORedis({
      ...redisConnectionOptions(this.config.redisUrl),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', () => undefined);
    return (this.limiter = new RateLimiterRedis({
      ...options,
      storeClient: this.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    }));
  }
}
