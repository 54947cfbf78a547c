// Worker thread of the bulk loader: scores and audits batches of forms (the CPU-heavy part).
import { parentPort } from 'node:worker_threads';
import type { Form } from '../src/core/form/schema.ts';
import { summarise } from '../src/services/evaluation.ts';
import { loadProfile } from '../src/services/profiles.ts';

const profile = loadProfile('national');
if (!profile.ok) throw new Error(profile.reason);
parentPort!.on('message', (msg: { id: number; forms: Form[] }) => {
  parentPort!.postMessage({ id: msg.id, results: msg.forms.map((f) => summarise(f, profile.value)) });
});
