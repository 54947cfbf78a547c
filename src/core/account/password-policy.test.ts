import { describe, expect, it } from 'vitest';
import {
  characterClasses,
  checkPasswordRules,
  describePolicy,
  DEFAULT_PASSWORD_POLICY as P,
  passwordExpired,
} from './password-policy.ts';

const reason = (pw: string, user = 'zhangsan', policy = P) => {
  const r = checkPasswordRules(pw, user, policy);
  return r.ok ? null : r.reason;
};

describe('password rules', () => {
  it('counts character classes (letters of any script, digits, the rest)', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB1')).toBe(3);
    expect(characterClasses('aB1-')).toBe(4);
    expect(characterClasses('密码abc1')).toBe(3);
  });

  it('refuses short passwords, naming the length', () => {
    expect(reason('Ab1-')).toBe('密码太短：至少 8 位（当前 4 位）');
    expect(reason('Ab1-Ab1-')).toBeNull();
    expect(reason('Ab1-Ab1-x', 'u', { ...P, minLength: 10 })).toMatch(/至少 10 位/);
  });

  it('needs 3 of 4 classes by default, as configured otherwise', () => {
    for (const pw of ['aaaaaaaa', '12345678', 'password', '11111111', 'PASSWORD', 'password12'])
      expect(reason(pw)).toMatch(/至少 3 类/);
    expect(reason('Password12')).toBeNull();
    expect(reason('password12', 'u', { ...P, minClasses: 2 })).toBeNull();
    expect(reason('Password12', 'u', { ...P, minClasses: 4 })).toMatch(/至少 4 类（当前 3 类）/);
  });

  it('refuses the username inside, reversed, in any case or width', () => {
    expect(reason('zhangsan-1A')).toMatch(/用户名/);
    expect(reason('X1-nasgnahz')).toMatch(/用户名/);
    expect(reason('ZHANGSAN#9')).toMatch(/用户名/);
    expect(reason('ｚｈａｎｇｓａｎ#9A')).toMatch(/用户名/);
    expect(reason('Zhang-San-9')).toBeNull();
  });

  it('describes the policy in one sentence', () => {
    expect(describePolicy(P)).toBe(
      '密码须至少 8 位，包含小写字母、大写字母、数字、其他字符中的至少 3 类，不能与用户名相同或包含用户名，不能与最近 5 次使用过的密码相同',
    );
  });

  it('expires after maxAgeDays, never with 0', () => {
    const set = '2024-01-01T00:00:00.000Z';
    expect(passwordExpired(set, new Date('2024-03-30T23:00:00Z'), P)).toBe(false);
    expect(passwordExpired(set, new Date('2024-03-31T00:00:00Z'), P)).toBe(true);
    expect(passwordExpired(set, new Date('2034-01-01T00:00:00Z'), { ...P, maxAgeDays: 0 })).toBe(false);
    expect(passwordExpired(null, new Date(), P)).toBe(false);
  });
});
