import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; kind: string; latencyMs?: number; error?: string };
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 when it does not. */
  @Public()
  @Get('health')
  @HttpCode(200)
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const kind = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: { status: 'up', kind, latencyMs: Math.round((performance.now() - started) * 10) / 10 } };
    } catch (error) {
      response.status(503);
      return { status: 'degraded', database: { status: 'down', kind, error: (error as Error).message } };
    }
  }
}
