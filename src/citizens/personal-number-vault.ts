import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keeps personal identity numbers unreadable at rest: AES-256-GCM for the number
 * itself, and an HMAC so the same person can be found again without decrypting.
 */
export class PersonalNumberVault {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(secret: string) {
    this.encryptionKey = createHash('sha256').update(`encrypt:${secret}`).digest();
    this.hashKey = createHash('sha256').update(`lookup:${secret}`).digest();
  }

  hash(normalized: string): string {
    return createHmac('sha256', this.hashKey).update(normalized).digest('hex');
  }

  encrypt(normalized: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const sealed = Buffer.concat([cipher.update(normalized, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
  }

  decrypt(stored: string): string {
    const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }
}
