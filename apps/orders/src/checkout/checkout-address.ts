import { CheckoutAddressDto } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';

/**
 * A signed-in buyer's inline address, added to their address book (`saveAddress: true`) as a
 * SHIPPING address that is not the default: the buyer's default stays theirs to choose. Their
 * customer row is created first if this is their first address (email '' until identity's event fills it).
 */
export async function saveInlineAddress(tx: Prisma.TransactionClient, userId: string, address: CheckoutAddressDto): Promise<void> {
  await tx.customer.createMany({ data: [{ userId, email: '' }], skipDuplicates: true });
  const customer = await tx.customer.findUniqueOrThrow({ where: { userId }, select: { id: true } });
  await tx.address.create({ data: { ...address, type: 'SHIPPING', isDefault: false, customerId: customer.id, userId } });
}
