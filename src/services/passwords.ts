import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { checkPasswordRules } from '../core/account/password-policy.ts';
import { users } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { ServiceError } from './service-error.ts';

// scrypt password hashes: `scrypt$N$r$p$salt$hash` (base64). Verification is constant-time.

const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, cost = 16384): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, 8, 1);
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await derive(password, salt, N, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it takes as long as a real check (unknown users). */
let dummy: Promise<string> | null = null;
export function dummyHash(cost: number): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'), cost);
  return dummy;
}

/** A password that satisfies the policy, for initial and reset passwords the system makes up. */
export function generatePassword(length = 16): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_!@#%+='];
  const all = sets.join('');
  const pick = (s: string): string => s[randomBytes(1)[0]! % s.length]!;
  for (;;) {
    const chars = Array.from({ length }, () => pick(all));
    if (sets.every((s) => chars.some((ch) => s.includes(ch)))) return chars.join('');
  }
}

/**
 * Checks a new password against the policy — rules (core/account/password-policy.ts) and the
 * history: not one of the last `history` passwords, the current one included — and hashes it.
 * Throws bad-request with the rule it breaks, in Chinese.
 */
export async function checkNewPassword(
  ctx: AppContext,
  user: { id: string | null; username: string },
  password: string,
  currentHash: string | null,
): Promise<string> {
  const policy = ctx.config.password;
  const rules = checkPasswordRules(password, user.username, policy);
  if (!rules.ok) throw new ServiceError('bad-request', rules.reason, { rule: 'policy' });
  if (user.id && policy.history > 0) {
    const recent = await users.passwordHistory(ctx.store.db, user.id, policy.history);
    const hashes = [...new Set([...(currentHash ? [currentHash] : []), ...recent])].slice(0, policy.history);
    for (const h of hashes) {
      if (await verifyPassword(password, h)) {
        throw new ServiceError('bad-request', `新密码不能与最近 ${policy.history} 次使用过的密码相同`, {
          rule: 'history',
        });
      }
    }
  }
  return hashPassword(password, ctx.config.scryptCost);
}
