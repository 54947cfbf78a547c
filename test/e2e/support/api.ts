import type { FormDetail, FormSummary } from '../../../src/contract/forms.ts';
import type { Form } from '../../../src/core/form/schema.ts';

// A signed-in API session for preparing data (the dashboard needs more than one form).

export type Api = {
  get<T>(path: string): Promise<T>;
  send<T>(method: string, path: string, body: unknown): Promise<T>;
};

export async function apiLogin(base: string, username: string, password: string): Promise<Api> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`登录失败 ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ');
  const me = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  const check = async <T>(r: Response): Promise<T> => {
    if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return {
    get: async (path) => check(await fetch(`${base}${path}`, { headers })),
    send: async (method, path, body) =>
      check(await fetch(`${base}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) })),
  };
}

/** Variants of a stored form across units: other spending, other actuals, some lenient self-scores. */
export async function seedVariants(api: Api, template: Form, count: number): Promise<void> {
  const units = ['demo-zgc-bj', 'demo-zgc-cyzx', 'demo-jw-bj'];
  for (let i = 0; i < count; i++) {
    const executed = Math.round(2926 * (0.55 + ((i * 37) % 45) / 100));
    const form: Form = structuredClone(template);
    form.projectName = `${template.projectName}（示例 ${i + 1}）`;
    form.year = i % 3 === 0 ? template.year - 1 : template.year;
    form.funds.total = { ...form.funds.total, executed, executionRate: Math.round((executed / 2926) * 10000) / 100 };
    form.indicators = form.indicators.map((row, r) =>
      (r + i) % 5 === 0 && /^\d/.test(row.actual)
        ? { ...row, actual: row.actual.replace(/\d+/, (d) => String(Math.max(1, Math.round(Number(d) * 0.7)))) }
        : row,
    );
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
