import { describe, expect, it } from 'vitest';
import { buildPath, endpoints } from './endpoints.ts';
import { formEtag, formListQuerySchema, parseIfMatch } from './forms.ts';

describe('endpoint table', () => {
  const list = Object.entries(endpoints);

  it('has one endpoint per method and path, all under /api', () => {
    const keys = list.map(([, e]) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(list.every(([, e]) => e.path.startsWith('/api/'))).toBe(true);
  });

  it('declares a params schema exactly for the path parameters', () => {
    for (const [name, e] of list) {
      const inPath = [...e.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = 'params' in e && e.params ? Object.keys(e.params.shape).sort() : [];
      expect(declared, name).toEqual(inPath);
    }
  });

  it('gives every JSON endpoint a response schema, and only GETs no body', () => {
    for (const [name, e] of list) {
      if (e.produces === 'json') expect('response' in e && e.response, name).toBeTruthy();
      if (e.method === 'GET') expect('body' in e, name).toBe(false);
    }
  });

  it('builds paths and parses If-Match', () => {
    expect(buildPath(endpoints.getRevision.path, { id: 'a/b', revision: 3 })).toBe(
      '/api/forms/a%2Fb/revisions/3',
    );
    expect(() => buildPath(endpoints.getForm.path)).toThrow('缺少路径参数 id');
    expect(parseIfMatch(formEtag(7))).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch(undefined)).toBeNull();
  });

  it('parses list queries from strings', () => {
    expect(formListQuerySchema.parse({ year: '2021', hasFindings: 'true', page: '2' })).toMatchObject({
      year: 2021,
      hasFindings: true,
      page: 2,
      pageSize: 50,
      sort: 'updated-desc',
    });
    expect(formListQuerySchema.safeParse({ pageSize: '1000' }).success).toBe(false);
  });
});
