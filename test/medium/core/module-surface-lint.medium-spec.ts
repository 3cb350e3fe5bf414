import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// Whichever rule the project's config uses for it: what matters is that the import is refused.
const SURFACE_RULES = new Set(['atrium/module-surface', 'no-restricted-imports']);

/** The project's own ESLint config, run over one line of code as if it were in `file`. */
async function refusedImports(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, file) });
  return result.messages.filter((message) => message.ruleId && SURFACE_RULES.has(message.ruleId)).map((message) => message.message);
}

describe('the module-surface lint rule', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it('refuses another module’s internals at any depth, from modules, core and the app module', async () => {
    const refused: [string, string][] = [
      ['src/modules/marketing/captures.service.ts', "import { Mailer } from '../notifications/email/mailer.js';"],
      ['src/modules/support/dto/ticket.dto.ts', "import { MoneyDto } from '../../billing/dto/x.js';"],
      ['src/modules/support/listeners/deep/a.ts', "import { User } from '../../../identity/schemas/user.schema.js';"],
      ['src/modules/support/tickets.service.ts', "import { UsersService } from '../identity/users.service.js';"],
      ['src/modules/support/tickets.service.ts', "import type { User } from '../identity/schemas/user.schema.js';"],
      ['src/modules/support/tickets.service.ts', "export * from '../billing/payments.service.js';"],
      ['src/modules/support/tickets.service.ts', "export { X } from '../billing/payments.service.js';"],
      ['src/modules/support/tickets.service.ts', "const billing = () => import('../billing/payments.service.js');"],
      ['src/modules/support/tickets.service.ts', "type P = import('../billing/payments.service.js').PaymentsService;"],
      ['src/modules/support/tickets.service.ts', "import { BillingModule } from '../billing';"],
      ['src/modules/support/tickets.service.ts', "import { BillingModule } from '../billing/index.ts';"],
      ['src/core/auth/x.ts', "import { UsersService } from '../../modules/identity/users.service.js';"],
      ['src/app.module.ts', "import { BillingModule } from './modules/billing/billing.module.js';"],
    ];
    for (const [file, code] of refused) {
      expect({ file, code, refused: (await refusedImports(eslint, file, code)).length }).toEqual({ file, code, refused: 1 });
    }
    const [message] = await refusedImports(eslint, 'src/modules/support/dto/ticket.dto.ts', "import { X } from '../../billing/dto/x.js';");
    expect(message).toContain('../../billing/index.js');
  });

  it('lets a module use its own files and other modules’ index.js, and tests and the seed command reach anywhere', async () => {
    const allowed: [string, string][] = [
      ['src/modules/support/dto/ticket.dto.ts', "import { X } from '../../billing/index.js';"],
      ['src/modules/support/dto/ticket.dto.ts', "import { SupportTicket } from '../schemas/support-ticket.schema.js';"],
      ['src/modules/support/tickets.service.ts', "import { X } from './tickets.repository.js';"],
      ['src/modules/support/tickets.service.ts', "import { X } from '../identity/index.js';"],
      ['src/modules/support/tickets.service.ts', "import { X } from '../../core/database/find-page.js';"],
      ['src/app.module.ts', "import { SupportModule } from './modules/support/index.js';"],
      // One level short of core: a path into no module, which the compiler reports as missing.
      ['src/modules/billing/providers/x.ts', "import { X } from '../../core/http/problem.js';"],
      ['src/modules/support/sla.spec.ts', "import { X } from '../billing/dto/x.js';"],
      ['test/e2e/support/x.e2e-spec.ts', "import { X } from '../../../src/modules/billing/dto/x.js';"],
      ['test/support/factories/support.ts', "import { X } from '../../../src/modules/identity/auth.service.js';"],
      ['src/cli/seeders/support.seeder.ts', "import { X } from '../../modules/identity/schemas/user.schema.js';"],
    ];
    for (const [file, code] of allowed) {
      expect({ file, code, refused: await refusedImports(eslint, file, code) }).toEqual({ file, code, refused: [] });
    }
  });
});
