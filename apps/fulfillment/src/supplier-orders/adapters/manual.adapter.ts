import { Injectable } from '@nestjs/common';
import { SupplierAdapter } from './supplier-adapter';

/** Factories that work through our API: nothing is sent; the order waits for the factory's FULFILLER users. */
@Injectable()
export class ManualAdapter implements SupplierAdapter {
  readonly integration = 'MANUAL';

  async submit() {
    return { externalId: null, status: 'SUBMITTED' as const };
  }
}
