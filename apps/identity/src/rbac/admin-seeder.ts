import { Injectable, Logger } from '@nestjs/common';
import { IdentityDb } from '@suite/db/identity';
import { IdentityEvents } from '@suite/contracts/identity';
import { enqueueEvent, InjectDb } from '@suite/platform';
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
    // Announced like any registration (through the outbox, in the same transaction) so that alerting knows
    // whom to mail on a fresh install; two replicas racing here create one user, and the loser publishes nothing.
    await this.db.$transaction(async (tx) => {
      const created = await tx.user.createManyAndReturn({
        data: [{ email, password: hash, role: 'SUPER_ADMIN', emailVerified: true }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (created.length === 0) return;
      await tx.userRoleAssignment.createMany({ data: roles.map((r) => ({ userId: created[0].id, roleId: r.id })) });
      await enqueueEvent(tx, IdentityEvents.UserRegistered, { userId: created[0].id, email, roles: roles.map((r) => r.name) });
    });
    this.logger.log('first SUPER_ADMIN created from SEED_ADMIN_EMAIL');
  }
}
