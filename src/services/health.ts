import { orgs } from '../store/index.ts';
import type { AppContext } from './context.ts';

/** Whether the database answers. */
export async function storeHealth(ctx: AppContext): Promise<boolean> {
  try {
    await orgs.count(ctx.store.db);
    return true;
  } catch {
    return false;
  }
}
