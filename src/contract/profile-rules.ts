import { profileSchema } from '../core/rules/profile.ts';
import { idParamsSchema } from './common.ts';
import type { Endpoint } from './endpoints.ts';

// Additive to the endpoint table (endpoints.ts): the browser runs the domain core for live
// scoring (evaluateForm), so it needs the resolved rule profile, not only its name.
// Server: `loadProfile(id)` from services/profiles.ts → 200 with the Profile, or 404 `not-found`.

export const profileDetailSchema = profileSchema;

export const profileEndpoints = {
  getProfile: {
    method: 'GET',
    path: '/api/profiles/:id',
    summary: '规则配置详情（已解析 extends，供浏览器实时评分）',
    tag: '评分',
    auth: true,
    params: idParamsSchema,
    status: 200,
    produces: 'json',
    response: profileDetailSchema,
  },
} as const satisfies Record<string, Endpoint>;
