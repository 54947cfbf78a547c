import type { FormDetail, FormSummary } from '../../../src/contract/forms.ts';
import type { Form } from '../../../src/core/form/schema.ts';

// A signed-in API session for preparing data (the dashboard needs more than one form).

export type Api = {
  get<T>(path: string): Promise<T>;
  send<T>(method: string, path: string, body: unknown, extraHeaders?: Record<string, string>): Promise<T>;
};

export async function apiLogin(base: string, username: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`登录失败 ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  const check = async <T>(r: Response): Promise<T> => {
    if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: async (path) => check(await fetch(`${base}${path}`, { headers })),
    send: async (method, path, body, extraHeaders = {}) =>
      check(
        await fetch(`${base}${path}`, {
          method,
          headers: { ...headers, ...extraHeaders, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
  };
}

const RATES = [0.42, 0.55, 0.63, 0.71, 0.78, 0.84, 0.88, 0.9, 0.93, 0.95, 0.97, 0.99, 1, 0.86, 0.74, 0.92];
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Variants of a stored form across units, for the dashboard: other spending, some targets missed,
 * and self-scores that are honest in a third of them and lenient (still full marks) elsewhere.
 */
export async function seedVariants(api: Api, template: Form, count: number): Promise<void> {
  const units = ['demo-zgc-bj', 'demo-zgc-cyzx', 'demo-jw-bj'];
  for (let i = 0; i < count; i++) {
    const rate = RATES[i % RATES.length]!;
    const honest = i % 3 === 0;
    const form: Form = structuredClone(template);
    const budget = form.funds.total?.annualBudget ?? 2926;
    const executed = Math.round(budget * rate);
    const fundsScore = round2(Math.min(rate, 1) * (form.funds.total?.weight ?? 10));
    form.projectName = `${template.projectName}（示例 ${i + 1}）`;
    form.year = i % 3 === 0 ? template.year - 1 : template.year;
    form.funds.total = {
      ...form.funds.total,
      executed,
      executionRate: round2(rate * 100),
      score: fundsScore,
    };
    form.funds.fiscal = form.funds.fiscal
      ? { ...form.funds.fiscal, executed, executionRate: round2(rate * 100) }
      : null;
    const weak = i % 4 === 1 ? 0.55 : i % 4 === 3 ? 0.8 : 1;
    form.indicators = form.indicators.map((row, r) => {
      if (weak < 1 && r % 2 === 0 && row.weight) {
        return {
          ...row,
          score: round2(row.weight * weak),
          deviation: '部分工作未按计划完成，已在下一年度计划中调整。',
        };
      }
      if ((r * 7 + i) % 5 !== 0 || !/^\d/.test(row.actual)) return row;
      const short = 0.5 + ((r + i) % 4) * 0.1;
      const actual = row.actual.replace(/\d+/, (d) => String(Math.max(1, Math.round(Number(d) * short))));
      const weight = row.weight ?? 0;
      return honest
        ? {
            ...row,
            actual,
            score: round2(weight * short),
            deviation: '受疫情影响，部分活动改为线上，下一年度将加强计划管理。',
          }
        : { ...row, actual };
    });
    form.totalScore = round2(form.indicators.reduce((a, r) => a + (r.score ?? 0), fundsScore));
    await api.send<FormDetail>('POST', '/api/forms', { form, orgId: units[i % units.length] });
  }
}

export async function waitEvaluated(api: Api, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const page = await api.get<{ items: FormSummary[] }>('/api/forms?pageSize=200');
    if (page.items.every((f) => f.evaluated)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
}
