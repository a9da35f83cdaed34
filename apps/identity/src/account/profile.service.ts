import { Injectable } from '@nestjs/common';
import { ProfileView, UpdateProfileDto } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, conflict, InjectDb, invalid, isUniqueViolation, unauthorized } from '@suite/platform';
import { toUserView, USER_VIEW_SELECT } from '../auth/user-view';
import { requireSignedIn } from '../roles/access-checks';

const PROFILE_SELECT = { ...USER_VIEW_SELECT, imageUrl: true, phoneNumber: true, preferences: true } as const;
type ProfileRow = Prisma.UserGetPayload<{ select: typeof PROFILE_SELECT }>;

/** Preferences are a client's settings, not a document store: a cap keeps rows small. */
export const PREFERENCES_MAX_BYTES = 8192;

function toProfileView(row: ProfileRow): ProfileView {
  const preferences =
    row.preferences && typeof row.preferences === 'object' && !Array.isArray(row.preferences)
      ? (row.preferences as Record<string, unknown>)
      : null;
  return { ...toUserView(row), imageUrl: row.imageUrl, phoneNumber: row.phoneNumber, preferences };
}

/** The signed-in user's own profile. Email, role and account flags are changed elsewhere (the DTO has no such fields). */
@Injectable()
export class ProfileService {
  constructor(@InjectDb() private readonly db: IdentityDb) {}

  async get(caller: CallerIdentity): Promise<ProfileView> {
    const user = await this.db.user.findUnique({ where: { id: requireSignedIn(caller) }, select: PROFILE_SELECT });
    if (!user) throw unauthorized('IDENTITY.NOT_SIGNED_IN', 'Sign in first.');
    return toProfileView(user);
  }

  async update(caller: CallerIdentity, dto: UpdateProfileDto): Promise<ProfileView> {
    const userId = requireSignedIn(caller);
    if (dto.preferences && Buffer.byteLength(JSON.stringify(dto.preferences), 'utf8') > PREFERENCES_MAX_BYTES) {
      throw invalid('IDENTITY.PREFERENCES_TOO_LARGE', 'The preferences are too large.', {
        errors: [{ field: 'preferences', messages: [`preferences must be at most ${PREFERENCES_MAX_BYTES} bytes as JSON`] }],
      });
    }
    // undefined leaves a field alone, null clears it.
    const data: Prisma.UserUpdateInput = {
      firstName: dto.firstName,
      lastName: dto.lastName,
      username: dto.username,
      imageUrl: dto.imageUrl,
      phoneNumber: dto.phoneNumber,
      preferences: dto.preferences === null ? Prisma.DbNull : (dto.preferences as Prisma.InputJsonObject | undefined),
    };
    try {
      return toProfileView(await this.db.user.update({ where: { id: userId }, data, select: PROFILE_SELECT }));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('IDENTITY.USERNAME_TAKEN', 'An account with this username already exists.', {
          errors: [{ field: 'username', messages: ['username is already taken'] }],
        });
      }
      throw error;
    }
  }
}
