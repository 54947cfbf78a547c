import { type Command, Option } from 'commander';
import { ROLE_LABELS, ROLE_NAMES } from '../../services/role-names.ts';
import { cliWho, type DbOptions, readStdinLine, withContext, withDbOptions } from '../db-options.ts';
import { table } from '../render.ts';

// `jixiao user add | reset-password | disable | enable | list`. A password the command makes up is
// printed once; `--password-stdin` reads one instead (never on the command line, where `ps` and the
// shell history would show it). Either way the user must change it at the first sign-in.

type PasswordOpt = { passwordStdin?: boolean };

// Loaded when a command runs, not to list the options: the store is most of the start-up time.
const operations = () => import('../../services/user-operations.ts');

const passwordOf = async (o: PasswordOpt): Promise<string | undefined> =>
  o.passwordStdin ? await readStdinLine() : undefined;

function printPassword(username: string, password: string, generated: boolean): void {
  if (generated)
    process.stdout.write(`初始密码（只显示这一次，请当面或线下交给 ${username}）：${password}\n`);
  process.stdout.write('该用户首次登录时须修改密码。\n');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('账号管理：添加账号、重置密码、停用、列出');

  withDbOptions(
    user
      .command('add')
      .description('添加账号；数据库中还没有机构时，--org 的名称新建为根机构（财政部门）')
      .argument('<username>', '用户名（字母、数字和 _ . @ -）')
      .addOption(new Option('-r, --role <role>', '角色').choices([...ROLE_NAMES]).makeOptionMandatory())
      .requiredOption('-o, --org <org>', '所属机构：id 或全名')
      .option('-n, --name <name>', '显示名（默认同用户名）')
      .option('--password-stdin', '从标准输入读初始密码（默认：生成一个随机密码）'),
  ).action(
    async (
      username: string,
      opts: DbOptions & PasswordOpt & { role: (typeof ROLE_NAMES)[number]; org: string; name?: string },
    ) => {
      const password = await passwordOf(opts);
      const { addUserFromCli } = await operations();
      const r = await withContext(opts, (ctx) =>
        addUserFromCli(ctx, cliWho(), {
          username,
          displayName: opts.name,
          role: opts.role,
          org: opts.org,
          password,
        }),
      );
      if (r.createdOrg)
        process.stdout.write(`已新建根机构“${r.createdOrg.name}”（财政部门，id ${r.createdOrg.id}）\n`);
      process.stdout.write(
        `已添加账号 ${r.user.username}（${ROLE_LABELS[r.user.role]}，${r.user.orgName}，id ${r.user.id}）\n`,
      );
      printPassword(username, r.password, r.generated);
    },
  );

  withDbOptions(
    user
      .command('reset-password')
      .description('重置密码：结束该用户的全部会话、解除登录锁定，下次登录须修改密码')
      .argument('<username>', '用户名')
      .option('--password-stdin', '从标准输入读新密码（默认：生成一个随机密码）'),
  ).action(async (username: string, opts: DbOptions & PasswordOpt) => {
    const password = await passwordOf(opts);
    const { resetPasswordFromCli } = await operations();
    const r = await withContext(opts, (ctx) => resetPasswordFromCli(ctx, cliWho(), username, password));
    process.stdout.write(`已重置 ${username} 的密码。\n`);
    printPassword(username, r.password, r.generated);
  });

  withDbOptions(
    user.command('disable').description('停用账号（并结束其会话）').argument('<username>', '用户名'),
  ).action(async (username: string, opts: DbOptions) => {
    const { setActiveFromCli } = await operations();
    await withContext(opts, (ctx) => setActiveFromCli(ctx, cliWho(), username, false));
    process.stdout.write(`已停用 ${username}\n`);
  });

  withDbOptions(user.command('enable').description('重新启用账号').argument('<username>', '用户名')).action(
    async (username: string, opts: DbOptions) => {
      const { setActiveFromCli } = await operations();
      await withContext(opts, (ctx) => setActiveFromCli(ctx, cliWho(), username, true));
      process.stdout.write(`已启用 ${username}\n`);
    },
  );

  withDbOptions(user.command('list').description('列出全部账号').option('--json', '输出 JSON')).action(
    async (opts: DbOptions & { json?: boolean }) => {
      const { listUsersFromCli } = await operations();
      const list = await withContext(opts, (ctx) => listUsersFromCli(ctx));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${table(
          [
            { title: '用户名' },
            { title: '显示名', max: 20 },
            { title: '角色' },
            { title: '机构', max: 24 },
            { title: '状态' },
          ],
          list.map((u) => [
            u.username,
            u.displayName,
            ROLE_LABELS[u.role],
            u.orgName,
            !u.active ? '已停用' : u.mustChangePassword ? '待改密码' : '正常',
          ]),
        )}\n共 ${list.length} 个账号\n`,
      );
    },
  );
}
