import { err, ok, type Result } from '../result.ts';

// Password rules (等保 2.0 level 3, identity: 口令复杂度): the rules are data, set by the deployment
// within safe bounds; the check is pure and answers in Chinese. Reuse of earlier passwords needs
// the stored hashes and is checked by the service (services/passwords.ts).

export type PasswordPolicy = {
  /** at least this many characters (never below 8). */
  minLength: number;
  /** at least this many of: lowercase, uppercase, digits, other characters. */
  minClasses: number;
  /** not equal to one of the last N passwords (the current one included); 0 = no history. */
  history: number;
  /** days until a password must be changed; 0 = never expires. */
  maxAgeDays: number;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  minClasses: 3,
  history: 5,
  maxAgeDays: 90,
};

/** What a deployment may set: nothing weaker than length 8 with two character classes. */
export const PASSWORD_POLICY_BOUNDS: Record<keyof PasswordPolicy, readonly [number, number]> = {
  minLength: [8, 64],
  minClasses: [2, 4],
  history: [0, 24],
  maxAgeDays: [0, 3650],
};

export const MAX_PASSWORD_LENGTH = 256;

const CLASSES: ReadonlyArray<[RegExp, string]> = [
  [/\p{Ll}/u, '小写字母'],
  [/\p{Lu}/u, '大写字母'],
  [/\p{Nd}/u, '数字'],
  [/[^\p{Ll}\p{Lu}\p{Nd}]/u, '其他字符（如 !@#-_ 或汉字）'],
];

/** The character classes a password uses. */
export function characterClasses(password: string): number {
  return CLASSES.filter(([re]) => re.test(password)).length;
}

/** The rules as one sentence, for forms and error messages. */
export function describePolicy(p: PasswordPolicy): string {
  const parts = [
    `至少 ${p.minLength} 位`,
    `包含小写字母、大写字母、数字、其他字符中的至少 ${p.minClasses} 类`,
    '不能与用户名相同或包含用户名',
  ];
  if (p.history > 0) parts.push(`不能与最近 ${p.history} 次使用过的密码相同`);
  return `密码须${parts.join('，')}`;
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/**
 * Checks a new password against the rules that need no stored data: length, character classes and
 * the username (also reversed, ignoring case and full-width forms).
 */
export function checkPasswordRules(password: string, username: string, policy: PasswordPolicy): Result<void> {
  const length = [...password].length;
  if (length < policy.minLength) return err(`密码太短：至少 ${policy.minLength} 位（当前 ${length} 位）`);
  if (length > MAX_PASSWORD_LENGTH) return err(`密码太长：最多 ${MAX_PASSWORD_LENGTH} 位`);
  const classes = characterClasses(password);
  if (classes < policy.minClasses) {
    return err(
      `密码太简单：须包含小写字母、大写字母、数字、其他字符中的至少 ${policy.minClasses} 类（当前 ${classes} 类）`,
    );
  }
  const pw = fold(password);
  const name = fold(username.trim());
  if (name.length >= 3 && (pw.includes(name) || pw.includes([...name].reverse().join('')))) {
    return err('密码不能与用户名相同，也不能包含用户名');
  }
  return ok(undefined);
}

/** Whether a password set at `changedAt` has expired at `now` (never, when maxAgeDays is 0). */
export function passwordExpired(changedAt: string | null, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0 || !changedAt) return false;
  const t = Date.parse(changedAt);
  return Number.isFinite(t) && now.getTime() - t >= policy.maxAgeDays * 86_400_000;
}
