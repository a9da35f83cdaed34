import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { validateSync } from 'class-validator';
import { validationFailed } from './validation';

class Line {
  @IsString() sku: string;
  @IsInt() @Min(1) quantity: number;
}
class Order {
  @IsString() customerId: string;
  @ValidateNested({ each: true }) @Type(() => Line) lines: Line[];
}

describe('validationFailed', () => {
  it('names every bad field, nested ones with their path', () => {
    const order = plainToInstance(Order, {
      customerId: 7,
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 3, quantity: 0 },
      ],
    });
    const error = validationFailed(validateSync(order));
    expect(error.kind).toBe('invalid');
    expect(error.details?.errors?.map((e) => e.field)).toEqual(['customerId', 'lines[1].sku', 'lines[1].quantity']);
    expect(error.message).toBe('Invalid input: customerId, lines[1].sku, lines[1].quantity.');
  });
});
