import { toCountryCode } from '@suite/contracts/fulfillment';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A country an address can ship to: an ISO 3166-1 alpha-2 code or an English name we know
 * ("PH", "Philippines", "USA"). Fulfilment routes on the code, so a country it cannot read is
 * refused when the address is given, not when the order reaches a factory.
 */
export function IsCountry(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountry',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && toCountryCode(value) !== undefined,
        defaultMessage: () => 'must be an ISO 3166-1 alpha-2 code or an English country name',
      },
    },
    options,
  );
}
