import { PASSWORD_POLICY_BOUNDS, type PasswordPolicy } from '../core/account/password-policy.ts';
import { DEFAULT_CONFIG, type ServiceConfig } from './context.ts';
import { ServiceError } from './service-error.ts';

// The security settings a deployment may change, from environment variables (README 部署与安全).
// Every value is checked against bounds: a typo or a weaker-than-allowed setting stops the start
// with a message naming the variable, instead of running with something unintended.

type Env = Record<string, string | undefined>;

type Setting = {
  env: string;
  label: string;
  min: number;
  max: number;
  apply(config: ServiceConfig, value: number): ServiceConfig;
};

const policy = (key: keyof PasswordPolicy, env: string, label: string): Setting => ({
  env,
  label,
  min: PASSWORD_POLICY_BOUNDS[key][0],
  max: PASSWORD_POLICY_BOUNDS[key][1],
  apply: (c, v) => ({ ...c, password: { ...c.password, [key]: v } }),
});

export const SETTINGS: readonly Setting[] = [
  {
    env: 'JIXIAO_IDLE_TIMEOUT_MINUTES',
    label: '空闲超时（分钟）',
    min: 1,
    max: 24 * 60,
    apply: (c, v) => ({ ...c, idleTimeoutMs: v * 60_000 }),
  },
  {
    env: 'JIXIAO_SESSION_MAX_HOURS',
    label: '会话最长时间（小时）',
    min: 1,
    max: 7 * 24,
    apply: (c, v) => ({ ...c, sessionMaxAgeMs: v * 3600_000 }),
  },
  {
    env: 'JIXIAO_LOGIN_MAX_FAILURES',
    label: '每个账号允许的连续登录失败次数',
    min: 3,
    max: 20,
    apply: (c, v) => ({ ...c, maxLoginFailuresPerUser: v }),
  },
  {
    env: 'JIXIAO_LOGIN_MAX_FAILURES_PER_IP',
    label: '每个地址允许的登录失败次数',
    min: 5,
    max: 10_000,
    apply: (c, v) => ({ ...c, maxLoginFailuresPerIp: v }),
  },
  {
    env: 'JIXIAO_LOGIN_LOCK_MINUTES',
    label: '登录锁定时间（分钟）',
    min: 1,
    max: 24 * 60,
    apply: (c, v) => ({ ...c, loginWindowMs: v * 60_000 }),
  },
  policy('minLength', 'JIXIAO_PASSWORD_MIN_LENGTH', '密码最短长度'),
  policy('minClasses', 'JIXIAO_PASSWORD_MIN_CLASSES', '密码至少包含的字符类别数'),
  policy('history', 'JIXIAO_PASSWORD_HISTORY', '不得重复使用的最近密码个数'),
  policy('maxAgeDays', 'JIXIAO_PASSWORD_MAX_AGE_DAYS', '密码有效期（天，0 为不过期）'),
];

/** The configuration the environment asks for, on top of `base`; throws bad-request on a bad value. */
export function configFromEnv(env: Env, base: ServiceConfig = DEFAULT_CONFIG): ServiceConfig {
  let config = base;
  for (const s of SETTINGS) {
    const raw = env[s.env]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < s.min || value > s.max) {
      throw new ServiceError(
        'bad-request',
        `环境变量 ${s.env}（${s.label}）应为 ${s.min}–${s.max} 的整数，实为“${raw.slice(0, 20)}”`,
      );
    }
    config = s.apply(config, value);
  }
  return config;
}

/** `JIXIAO_DEMO`: '1' on, '0' off, unset: undefined (the server decides by where it listens). */
export function demoFromEnv(env: Env): boolean | undefined {
  const v = env['JIXIAO_DEMO']?.trim();
  if (v === undefined || v === '') return undefined;
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  throw new ServiceError('bad-request', `环境变量 JIXIAO_DEMO 应为 1 或 0，实为“${v.slice(0, 20)}”`);
}

/** Whether a listen address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Demo mode: asked for explicitly (JIXIAO_DEMO / --demo), else on only while the server listens on
 * loopback. A server open to the network never runs the demo accounts unless asked to.
 */
export function decideDemo(explicit: boolean | undefined, host: string): boolean {
  return explicit ?? isLoopback(host);
}
