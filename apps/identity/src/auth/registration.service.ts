import { Injectable } from '@nestjs/common';
import { IdentityEvents, RegisterDto, UserView } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { conflict, enqueueEvent, InjectDb, invalid, isUniqueViolation, isUniqueViolationOn, UnitOfWork } from '@suite/platform';
import { AccountMailer } from '../account/account-mailer';
import { newEmailVerification } from '../account/one-time-secrets';
import { hashPassword, passwordProblems } from '../security';
import { normalizeEmail, toUserView, USER_VIEW_SELECT } from './user-view';

@Injectable()
export class RegistrationService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly accountMail: AccountMailer,
  ) {}

  /** Creates the account with the USER role; a duplicate email or username is a 409 naming the field, and leaves nothing behind. */
  async register(dto: RegisterDto): Promise<UserView> {
    const email = normalizeEmail(dto.email);
    const problems = passwordProblems(dto.password, { email });
    if (problems.length > 0) {
      throw invalid('IDENTITY.WEAK_PASSWORD', `The password is not acceptable: ${problems.join('; ')}.`, {
        errors: [{ field: 'password', messages: problems }],
      });
    }
    const password = await hashPassword(dto.password);
    // Only the hashes are stored; the link token and the code go out in one mail after the commit.
    const verification = newEmailVerification();
    try {
      const user = await this.uow.run(async (tx) => {
        const created = await tx.user.create({
          data: {
            email,
            password,
            username: dto.username ?? null,
            firstName: dto.firstName ?? null,
            lastName: dto.lastName ?? null,
            ...verification.data,
          },
          select: USER_VIEW_SELECT,
        });
        const role = await tx.role.findUniqueOrThrow({ where: { name: 'USER' } });
        await tx.userRoleAssignment.create({ data: { userId: created.id, roleId: role.id } });
        await enqueueEvent(tx, IdentityEvents.UserRegistered, { userId: created.id, email, roles: ['USER'] });
        return created;
      });
      this.accountMail.sendVerification(user.id, email, verification); // in the background: a mail failure does not undo the account
      return toUserView(user);
    } catch (error) {
      throw this.duplicateOr(error);
    }
  }

  private duplicateOr(error: unknown): unknown {
    if (isUniqueViolation(error)) {
      const field = isUniqueViolationOn(error, /username/) ? 'username' : 'email';
      return conflict(`IDENTITY.${field.toUpperCase()}_TAKEN`, `An account with this ${field} already exists.`, {
        errors: [{ field, messages: [`${field} is already registered`] }],
      });
    }
    return error;
  }
}
