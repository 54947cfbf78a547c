import { type Db, type FormHeadRecord, forms } from '../store/index.ts';
import { inScope } from './access.ts';
import type { Actor } from './context.ts';
import { notFound } from './service-error.ts';

/**
 * A form the actor may see, or 404. A form outside the actor's subtree answers exactly like a
 * form that does not exist, so ids cannot be probed.
 */
export async function formInScope(db: Db, actor: Actor, id: string): Promise<FormHeadRecord> {
  const head = await forms.getHead(db, id);
  if (!head || !inScope(actor, head.orgPath)) throw notFound('自评表');
  return head;
}
