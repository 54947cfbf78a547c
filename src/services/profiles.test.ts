import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { form } from '../../test/fixtures/build-form.ts';
import { evaluatePosted } from './evaluation.ts';
import { profileForForm, templateProfiles } from './profiles.ts';

// The rule profile per template family (templates/<id>.json names one): explicit → template → national.

const root = mkdtempSync(join(tmpdir(), 'jixiao-templates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function templatesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'templates-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('profileForForm', () => {
  const dir = templatesDir({
    'sichuan-county.json': JSON.stringify({ id: 'sichuan-county-2021', profile: 'sichuan', columns: [] }),
    'hubei-city.json': JSON.stringify({ id: 'hubei-city-2020', profile: 'hubei' }),
    'atlantis.json': JSON.stringify({ id: 'atlantis', profile: 'atlantis' }),
    'no-profile.json': JSON.stringify({ id: 'plain' }),
    'half-written.json': '{"id": "broken", "prof',
  });
  const dirs = { templates: dir };

  it('an explicit profile wins', () => {
    expect(profileForForm({ template: 'hubei-city-2020' }, 'beijing', dirs)).toBe('beijing');
  });

  it('else the profile the template file with that id names', () => {
    expect(profileForForm({ template: 'hubei-city-2020' }, undefined, dirs)).toBe('hubei');
    expect(profileForForm({ template: 'sichuan-county-2021' }, undefined, dirs)).toBe('sichuan');
  });

  it('else national: no template, unknown template, a template without a profile, a broken file, a profile that does not exist', () => {
    expect(profileForForm({}, undefined, dirs)).toBe('national');
    expect(profileForForm({ template: 'nowhere' }, undefined, dirs)).toBe('national');
    expect(profileForForm({ template: 'plain' }, undefined, dirs)).toBe('national');
    expect(profileForForm({ template: 'broken' }, undefined, dirs)).toBe('national');
    expect(profileForForm({ template: 'atlantis' }, undefined, dirs)).toBe('national');
    expect(templateProfiles(dir).size).toBe(3);
  });

  it('a missing templates/ folder is no error', () => {
    const missing = join(root, 'no-such-dir');
    expect(templateProfiles(missing).size).toBe(0);
    expect(profileForForm({ template: 'hubei-city-2020' }, undefined, { templates: missing })).toBe(
      'national',
    );
    mkdirSync(join(root, 'empty'));
    expect(profileForForm({ template: 'x' }, undefined, { templates: join(root, 'empty') })).toBe('national');
  });

  it('posted Form JSON without a profile is evaluated by national when its template is unknown', () => {
    const view = evaluatePosted({ form: { ...form([]), template: 'no-such-template-family' } });
    expect(view.profile.id).toBe('national');
    expect(evaluatePosted({ form: form([]), profile: 'hubei' }).profile.id).toBe('hubei');
  });
});
