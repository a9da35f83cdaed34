import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:isPublic';

/**
 * A route anonymous callers may use. The gateway's guard denies every other route to callers
 * without a valid credential (default deny); probes and metrics are public by this mark.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
