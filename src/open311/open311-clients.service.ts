import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { Open311Client } from './entities/open311-client.entity';

/** A client application as admins see it; never its key. Times UTC. */
export interface Open311ClientView {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Why an Open311 call is refused with 403: the specification's words for a missing or wrong key. */
export const API_KEY_REFUSED = 'api_key was not provided or is not valid';

/**
 * The client applications allowed to post to the Open311 interface, and their API keys. A key
 * is 32 random bytes (base64url) shown once when issued; only its SHA-256 hash is stored, so
 * neither the database nor a backup gives a usable key away.
 */
@Injectable()
export class Open311ClientsService {
  constructor(
    @InjectRepository(Open311Client) private readonly clients: Repository<Open311Client>,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues a key to a new client application.
   *
   * @param apiKey the key to accept, for a client moved here with the key it already has; a new
   *   random key when absent
   * @returns the client and its key, which is not kept and cannot be shown again
   */
  async issue(
    name: string,
    createdById: string | null,
    apiKey?: string,
  ): Promise<Open311ClientView & { apiKey: string }> {
    const key = apiKey ?? randomBytes(32).toString('base64url');
    const client = await this.clients.save(
      this.clients.create({ id: newId(), name: name.trim(), keyHash: hashOf(key), createdById, revokedAt: null }),
    );
    return { ...toView(client), apiKey: key };
  }

  /** Every client application, newest first. */
  async list(): Promise<Open311ClientView[]> {
    return (await this.clients.find({ order: { createdAt: 'DESC', id: 'ASC' } })).map(toView);
  }

  /**
   * Revokes a client's key: from now on it is refused. Requests the client sent stay as they are.
   * Revoking twice keeps the first time. @throws NotFoundError for an unknown id.
   */
  async revoke(id: string): Promise<Open311ClientView> {
    const client = await this.clients.findOneBy({ id });
    if (!client) throw new NotFoundError('Open311 client', id);
    if (!client.revokedAt) {
      client.revokedAt = this.clock.now();
      await this.clients.update({ id, revokedAt: IsNull() }, { revokedAt: client.revokedAt });
    }
    return toView(client);
  }

  /**
   * The client a key belongs to. @throws ForbiddenError (403) when no key was given, or it is
   * unknown or revoked: the three are answered alike.
   */
  async authenticate(apiKey: unknown): Promise<Open311ClientView> {
    if (typeof apiKey !== 'string' || apiKey === '') throw new ForbiddenError(API_KEY_REFUSED);
    const client = await this.clients.findOneBy({ keyHash: hashOf(apiKey), revokedAt: IsNull() });
    if (!client) throw new ForbiddenError(API_KEY_REFUSED);
    return toView(client);
  }
}

function hashOf(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

function toView(client: Open311Client): Open311ClientView {
  return { id: client.id, name: client.name, createdAt: client.createdAt, revokedAt: client.revokedAt };
}
