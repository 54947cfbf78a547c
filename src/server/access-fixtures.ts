import { readFileSync } from 'node:fs';
import type { Form } from '../core/form/schema.ts';
import type { Actor, AppContext } from '../services/context.ts';
import { SEED_FORM } from '../services/demo-seed.ts';
import { uploadEvidence } from '../services/evidence-files.ts';
import { createForm } from '../services/form-write.ts';
import { cancelJob, createImportJob } from '../services/jobs.ts';
import { createOrg } from '../services/org-admin.ts';
import { createProject } from '../services/project-admin.ts';
import { changePassword } from '../services/sessions.ts';
import { actorFor } from '../services/testing.ts';
import { createUser } from '../services/user-admin.ts';
import { type TransitionInput, transitionForm } from '../services/workflow.ts';

// Fixtures for the access-control matrix: forms, projects, evidence, jobs and users in two units
// of different departments, made through the services (as their owners would make them).

/** The password of the users init() creates, after their first-sign-in change. */
export const SETTLED_PASSWORD = 'Matrix-pass-0';

export const UNITS = { T1: 'demo-zgc-bj', T2: 'demo-jw-bj' } as const;
export const DEPARTMENTS = { T1: 'demo-zgc', T2: 'demo-jw' } as const;
export type Target = keyof typeof UNITS;

export type FormStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export class Fixtures {
  private n = 0;
  private seed!: Form;
  owners: Record<Target, Actor> = {} as Record<Target, Actor>;
  admin!: Actor;

  constructor(private readonly ctx: AppContext) {}

  /** Creates the extra users the matrix needs: a unit filler for T2 and an admin scoped to T1's department. */
  async init(seedForm: Form): Promise<void> {
    this.seed = seedForm;
    this.admin = await actorFor(this.ctx, 'admin');
    await createUser(this.ctx, this.admin, {
      username: 'jwunit',
      displayName: '教委本级填报人',
      password: 'password-123',
      role: 'unit-filler',
      orgId: UNITS.T2,
    });
    await createUser(this.ctx, this.admin, {
      username: 'zgcadmin',
      displayName: '中关村管理员',
      password: 'password-123',
      role: 'admin',
      orgId: DEPARTMENTS.T1,
    });
    // an initial password must be changed at the first sign-in: do so, as the users would
    for (const username of ['jwunit', 'zgcadmin'])
      await changePassword(this.ctx, await actorFor(this.ctx, username), 'password-123', SETTLED_PASSWORD);
    this.owners = { T1: await actorFor(this.ctx, 'danwei'), T2: await actorFor(this.ctx, 'jwunit') };
  }

  unique(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  formJson(name = this.unique('矩阵项目')): Form {
    return { ...this.seed, projectName: name };
  }

  async form(target: Target, status: FormStatus = 'draft'): Promise<string> {
    const detail = await createForm(this.ctx, this.owners[target], {
      form: this.formJson(),
      orgId: UNITS[target],
    });
    const steps: Record<FormStatus, Array<['submit' | 'return' | 'approve' | 'publish', string?]>> = {
      draft: [],
      submitted: [['submit']],
      returned: [['submit'], ['return', '请修改']],
      approved: [['submit'], ['approve']],
      published: [['submit'], ['approve'], ['publish']],
    };
    for (const [action, comment] of steps[status]) {
      await transitionForm(
        this.ctx,
        this.admin,
        detail.id,
        { action, ...(comment ? { comment } : {}) },
        null,
      );
    }
    return detail.id;
  }

  /** A declaration (lifecycle.md §2.1) made from the seed form, taken to `status` by the admin. */
  async declaration(
    target: Target,
    status: 'draft' | 'submitted' | 'graded' | 'approved' = 'approved',
  ): Promise<{ form: string; project: string; year: string }> {
    const seed = this.formJson(this.unique('矩阵目标'));
    const form: Form = {
      ...seed,
      kind: 'project-target-declaration',
      title: '项目支出绩效目标申报表',
      version: 1,
      goals: { expected: seed.goals.expected, actual: '' },
      indicators: seed.indicators.map((r) => ({ ...r, actual: '', score: null, deviation: '' })),
      totalScore: null,
    };
    const detail = await createForm(this.ctx, this.owners[target], { form, orgId: UNITS[target] });
    const steps: Record<typeof status, TransitionInput[]> = {
      draft: [],
      submitted: [{ action: 'submit' }],
      graded: [{ action: 'submit' }, { action: 'review', grade: '优' }, { action: 'review', grade: '优' }],
      approved: [
        { action: 'submit' },
        { action: 'review', grade: '优' },
        { action: 'review', grade: '优' },
        { action: 'approve', approval: { documentNo: '矩阵批复1号', date: `${form.year}-03-01` } },
      ],
    };
    for (const step of steps[status]) await transitionForm(this.ctx, this.admin, detail.id, step, null);
    return { form: detail.id, project: detail.projectId, year: String(form.year) };
  }

  async project(target: Target): Promise<string> {
    return (
      await createProject(this.ctx, this.owners[target], {
        orgId: UNITS[target],
        name: this.unique('矩阵项目库'),
      })
    ).id;
  }

  async evidence(target: Target, formId: string): Promise<string> {
    const content = (async function* () {
      yield new TextEncoder().encode('佐证材料内容');
    })();
    return (
      await uploadEvidence(this.ctx, this.owners[target], formId, {
        row: 0,
        fileName: '佐证.txt',
        contentType: 'text/plain',
        content,
      })
    ).id;
  }

  async job(target: Target, cancelled = false): Promise<string> {
    const bytes = readFileSync(SEED_FORM);
    const job = await createImportJob(this.ctx, this.owners[target], {
      orgId: UNITS[target],
      onExisting: 'skip',
      files: [{ fileName: 'seed.txt', bytes }],
    });
    if (cancelled) await cancelJob(this.ctx, this.owners[target], job.id);
    return job.id;
  }

  async user(target: Target): Promise<string> {
    const u = await createUser(this.ctx, this.admin, {
      username: this.unique('u'),
      displayName: '矩阵用户',
      password: 'password-123',
      role: 'unit-filler',
      orgId: UNITS[target],
    });
    return u.id;
  }

  async childOrgName(): Promise<string> {
    return this.unique('矩阵单位');
  }

  async org(target: Target): Promise<string> {
    return (
      await createOrg(this.ctx, this.admin, {
        parentId: DEPARTMENTS[target],
        name: this.unique('矩阵组织'),
        kind: 'unit',
      })
    ).id;
  }
}
