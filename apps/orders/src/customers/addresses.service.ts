import { Injectable } from '@nestjs/common';
import { AddressView, CreateAddressDto, UpdateAddressDto } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { InjectDb } from '@suite/platform';
import { addressNotFound } from './customer-access';
import { toAddressView } from './customer-view';

type Tx = Prisma.TransactionClient;
type Customer = Pick<Prisma.CustomerModel, 'id' | 'userId'>;

/**
 * A customer's addresses, with at most one default per type. Every change locks the customer row
 * first, so two concurrent "make default" calls cannot both leave a default behind.
 */
@Injectable()
export class AddressesService {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  async list(customer: Customer): Promise<AddressView[]> {
    const rows = await this.db.address.findMany({
      where: { customerId: customer.id },
      orderBy: [{ type: 'asc' }, { isDefault: 'desc' }, { createdAt: 'asc' }],
    });
    return rows.map(toAddressView);
  }

  async create(customer: Customer, dto: CreateAddressDto): Promise<AddressView> {
    return this.db.$transaction(async (tx) => {
      await lockCustomer(tx, customer.id);
      const row = await tx.address.create({ data: { ...dto, customerId: customer.id, userId: customer.userId } });
      if (row.isDefault) await unsetOtherDefaults(tx, row);
      return toAddressView(row);
    });
  }

  async update(customer: Customer, addressId: string, dto: UpdateAddressDto): Promise<AddressView> {
    return this.db.$transaction(async (tx) => {
      await lockCustomer(tx, customer.id);
      if (!(await tx.address.findFirst({ where: { id: addressId, customerId: customer.id }, select: { id: true } })))
        throw addressNotFound();
      const row = await tx.address.update({ where: { id: addressId }, data: dto });
      if (row.isDefault) await unsetOtherDefaults(tx, row); // also when only the type changed
      return toAddressView(row);
    });
  }

  async remove(customer: Customer, addressId: string): Promise<{ deleted: true }> {
    const removed = await this.db.address.deleteMany({ where: { id: addressId, customerId: customer.id } });
    if (removed.count === 0) throw addressNotFound();
    return { deleted: true };
  }
}

async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
}

async function unsetOtherDefaults(tx: Tx, row: Prisma.AddressModel): Promise<void> {
  await tx.address.updateMany({
    where: { customerId: row.customerId, type: row.type, isDefault: true, id: { not: row.id } },
    data: { isDefault: false },
  });
}
