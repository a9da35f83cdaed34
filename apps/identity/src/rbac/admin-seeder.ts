import { Injectable, Logger } from '@nestjs/common';
import { IdentityDb } from '@suite/db/identity';
import { InjectDb } from '@suite/platform';
import { IdentityConfig } from '../config';
import { hashPassword, passwordProblems } from '../security';

/** The first SUPER_ADMIN, from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD, when no such user exists yet. */
@Injectable()
export class AdminSeeder {
  private readonly logger = new Logger('AdminSeeder');

  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly config: IdentityConfig,
  ) {}

  async seed(): Promise<void> {
    const { SEED_ADMIN_EMAIL: rawEmail, SEED_ADMIN_PASSWORD: password } = this.config;
    if (!rawEmail || !password) return;
    const email = rawEmail.trim().toLowerCase();
    if (await this.db.user.findUnique({ where: { email }, select: { id: true } })) return;
    const problems = passwordProblems(password, { email });
    if (problems.length > 0) throw new Error(`SEED_ADMIN_PASSWORD is not acceptable: ${problems.join('; ')}`);
    const hash = await hashPassword(password);
    const roles = await this.db.role.findMany({ where: { name: { in: ['SUPER_ADMIN', 'USER'] } } });
    await this.db.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        password: hash,
        role: 'SUPER_ADMIN',
        emailVerified: true,
        roleAssignments: { create: roles.map((r) => ({ roleId: r.id })) },
      },
    });
    this.logger.log('first SUPER_ADMIN created from SEED_ADMIN_EMAIL');
  }
}
