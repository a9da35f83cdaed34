import type { CallerIdentity } from '@suite/platform';

/** What a job keeps in its `options` column: the upload's choices and the uploader's identity, which the owner's batches run as. */
export interface ImportOptions {
  dryRun: boolean;
  templateId: string | null;
  storeId: string | null;
  caller: Pick<CallerIdentity, 'userId' | 'roles' | 'permissions' | 'teamIds'>;
  /** How many times a worker took the job over from one that stopped. */
  resumes?: number;
}

export const optionsOf = (value: unknown): ImportOptions => value as ImportOptions;
