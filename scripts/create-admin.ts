/**
 * npm run create-admin -- --email admin@example.fi --name "Full Name"
 * The password comes from ADMIN_PASSWORD or is asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { centreAdminInput, createCentreAdmin } from '../server/access/create-centre-admin';
import { systemClock } from '../server/clock';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (at least 12 characters): ');
  rl.close();
}
const input = centreAdminInput.safeParse({ email: values.email, name: values.name, password });
if (!input.success) {
  console.error('Usage: npm run create-admin -- --email ADDRESS --name "FULL NAME" (password in ADMIN_PASSWORD or typed)');
  for (const issue of input.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const handle = await openDatabase(loadConfig());
try {
  const result = await createCentreAdmin({ db: handle.db, clock: systemClock }, input.data);
  console.log(result.created ? `Created centre admin ${input.data.email}.` : `${input.data.email} existed; made it a centre admin.`);
} finally {
  await handle.close();
}
