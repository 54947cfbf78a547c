import { migrate, openStore, schemaState } from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** `jixiao migrate`: the schema state, and (with `apply`) the pending migrations applied. */
export async function migrateSchema(
  target: { dataDir: string; databaseUrl?: string | undefined },
  apply: boolean,
): Promise<{ location: string; applied: string[]; pending: string[]; migrated: string[] }> {
  const store = await openStore({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl || undefined,
    migrate: false,
  });
  try {
    const state = await schemaState(store);
    if (state.unknown.length > 0)
      throw new ServiceError(
        'schema-mismatch',
        `数据库结构比本程序新（${state.unknown.join('、')}）：请升级 jixiao`,
      );
    const migrated = apply && state.pending.length > 0 ? await migrate(store) : [];
    const after = apply ? await schemaState(store) : state;
    return { location: store.location, applied: after.applied, pending: after.pending, migrated };
  } finally {
    await store.close();
  }
}
