import { invalid } from '@suite/platform';
import { passwordProblems } from '../security';

/** The registration policy for a new password; a 400 naming `newPassword` with every reason. */
export function assertAcceptablePassword(newPassword: string, email: string, extraProblems: string[] = []): void {
  const problems = [...extraProblems, ...passwordProblems(newPassword, { email })];
  if (problems.length > 0) {
    throw invalid('IDENTITY.WEAK_PASSWORD', `The new password is not acceptable: ${problems.join('; ')}.`, {
      errors: [{ field: 'newPassword', messages: problems }],
    });
  }
}
