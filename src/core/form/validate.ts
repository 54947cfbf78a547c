import { err, ok, type Result } from '../result.ts';
import { type Form, formSchema } from './schema.ts';

export type FieldIssue = { path: string; message: string };

/** `indicators[3].weight` — the path a finance officer can find in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(根)';
}

export function validateForm(input: unknown): Result<Form> & { issues?: FieldIssue[] } {
  const parsed = formSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: describeIssue(i) }));
  const head = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > 5 ? `（另有 ${issues.length - 5} 处）` : '';
  return { ...err(`Form JSON 不符合格式：${head.join('；')}${more}`), issues };
}

function describeIssue(issue: {
  code: string;
  message: string;
  expected?: unknown;
  input?: unknown;
}): string {
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    if (issue.input === undefined) return `缺少该字段（应为 ${typeName(expected)}）`;
    return `应为 ${typeName(expected)}，实为 ${describeInput(issue.input)}`;
  }
  if (issue.code === 'invalid_value') return `取值无效：${describeInput(issue.input)}`;
  if (issue.code === 'unrecognized_keys') return issue.message;
  if (issue.code === 'too_small' || issue.code === 'too_big')
    return `超出允许范围：${describeInput(issue.input)}`;
  return issue.message;
}

function typeName(t: string): string {
  return (
    { string: '文本', number: '数字', object: '对象', array: '数组', boolean: '布尔值', int: '整数' }[t] ?? t
  );
}

function describeInput(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `文本 "${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (Array.isArray(v)) return '数组';
  return typeof v;
}
