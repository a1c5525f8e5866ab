import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, Not, Repository } from 'typeorm';
import { newId } from '../common/ids';
import { SessionEndReason, StaffSession } from './entities/staff-session.entity';
import { StaffUser } from './entities/staff-user.entity';
import { sqlNames } from '../database/sql-names';

/**
 * Staff sessions: started at sign-in, checked by the auth guard on every request, ended by a
 * log-out, a deactivation or a password change. Writes run in the caller's transaction.
 */
@Injectable()
export class StaffSessionService {
  private liveSessionSql: string | undefined;

  constructor(@InjectRepository(StaffSession) private readonly sessions: Repository<StaffSession>) {}

  /**
   * Starts a session for a staff member and removes their sessions that have expired; answers its id.
   *
   * @param startedAt now, by the app's clock
   * @param expiresAt the token's `exp`. Expiry runs on the system clock, as the token's own check
   *   does: it is about real time elapsed, and a clock a test sets must not expire a token.
   */
  async start(manager: EntityManager, userId: string, startedAt: Date, expiresAt: Date): Promise<string> {
    const id = newId();
    await manager.delete(StaffSession, { userId, expiresAt: LessThan(new Date()) });
    await manager.insert(StaffSession, { id, userId, startedAt, expiresAt, endedAt: null, endReason: null });
    return id;
  }

  /**
   * Whether a token's session still holds: not ended, and its staff member still active. One query
   * over two primary keys, run on every authenticated request. The token's own expiry is checked
   * with its signature.
   */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    // Plain SQL, written once: building the query anew took more CPU than running it.
    this.liveSessionSql ??= liveSessionSql(this.sessions.manager);
    const rows: unknown[] = await this.sessions.query(this.liveSessionSql, [sessionId, userId, true]);
    return rows.length > 0;
  }

  /** Ends one session; answers whether it was live. */
  async end(manager: EntityManager, sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
    const result = await manager.update(
      StaffSession,
      { id: sessionId, endedAt: IsNull() },
      { endedAt: now, endReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Ends every live session of a staff member, but `keep` when given; answers how many ended. */
  async endAllOf(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
    now: Date,
    keep?: string,
  ): Promise<number> {
    const result = await manager.update(
      StaffSession,
      { userId, endedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) },
      { endedAt: now, endReason: reason },
    );
    return result.affected ?? 0;
  }
}

/**
 * The session check of isLive as SQL with three parameters (session id, user id, true), in the
 * database's own placeholders and quoting, table and column names from the entities.
 */
function liveSessionSql(manager: EntityManager): string {
  const { driver } = manager.connection;
  const session = sqlNames(manager, StaffSession);
  const staff = sqlNames(manager, StaffUser);
  return (
    `SELECT 1 FROM ${session.table} s INNER JOIN ${staff.table} u ON u.${staff.column('id')} = s.${session.column('userId')} ` +
    `WHERE s.${session.column('id')} = ${driver.createParameter('sessionId', 0)} ` +
    `AND s.${session.column('userId')} = ${driver.createParameter('userId', 1)} ` +
    `AND s.${session.column('endedAt')} IS NULL AND u.${staff.column('active')} = ${driver.createParameter('active', 2)} LIMIT 1`
  );
}
