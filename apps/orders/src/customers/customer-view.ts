import { AddressView, CustomerView } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';

type Customer = Prisma.CustomerModel;
type Address = Prisma.AddressModel;

export const toCustomerView = (c: Customer): CustomerView => ({
  id: c.id,
  userId: c.userId,
  email: c.email,
  firstName: c.firstName,
  lastName: c.lastName,
  phoneNumber: c.phoneNumber,
  status: c.status,
  notes: c.notes,
  createdAt: c.createdAt.toISOString(),
});

export const toAddressView = (a: Address): AddressView => ({
  id: a.id,
  customerId: a.customerId,
  type: a.type,
  firstName: a.firstName,
  lastName: a.lastName,
  company: a.company,
  street1: a.street1,
  street2: a.street2,
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
  country: a.country,
  phoneNumber: a.phoneNumber,
  isDefault: a.isDefault,
  createdAt: a.createdAt.toISOString(),
});
