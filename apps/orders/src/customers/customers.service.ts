import { Injectable } from '@nestjs/common';
import { CreateCustomerDto, CustomerListQuery, CustomerView, UpdateCustomerDto } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, conflict, InjectDb, isUniqueViolation, newestFirstAfter, Page, pageLimit, timeKeyOf, toPage, unauthorized } from '@suite/platform';
import { customerNotFound, customerScope } from './customer-access';
import { toCustomerView } from './customer-view';

const exists = (field: string) => conflict('ORDERS.CUSTOMER_EXISTS', `A customer with this ${field} already exists.`, { errors: [{ field, messages: [`${field} is already a customer's`] }] });

const duplicate = (error: unknown): never => {
  if (isUniqueViolation(error)) throw exists('userId');
  throw error;
};

/**
 * The schema's unique (storeId, email) cannot hold for shop customers (storeId NULL: NULLs are
 * distinct), so their email is kept unique here, under a per-email lock against concurrent creates.
 */
async function assertEmailFree(tx: Prisma.TransactionClient, email: string, exceptId?: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'customer-email:' + email.toLowerCase()}::text, 0))`;
  const taken = await tx.customer.findFirst({ where: { storeId: null, email: { equals: email, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw exists('email');
}

@Injectable()
export class CustomersService {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  /**
   * The signed-in user's customer row, created on first use. Identity owns the email and is not
   * asked here, so a row created this way has email '' until staff (or a later feature) sets it.
   */
  async ensureOwn(caller: CallerIdentity): Promise<Prisma.CustomerModel> {
    if (!caller.userId) throw unauthorized('ORDERS.NOT_SIGNED_IN', 'Sign in first.');
    return this.db.customer.upsert({ where: { userId: caller.userId }, update: {}, create: { userId: caller.userId, email: '' } });
  }

  async list(caller: CallerIdentity, query: CustomerListQuery): Promise<Page<CustomerView>> {
    const limit = pageLimit(query);
    const where: Prisma.CustomerWhereInput = {
      AND: [
        customerScope(caller, 'customers:read'),
        query.status ? { status: query.status } : {},
        query.email ? { email: { contains: query.email, mode: 'insensitive' } } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.customer.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toCustomerView), limit, (c) => timeKeyOf(c.createdAt, c.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<CustomerView> {
    return toCustomerView(await this.find(caller, id, 'customers:read'));
  }

  async create(caller: CallerIdentity, dto: CreateCustomerDto): Promise<CustomerView> {
    customerScope(caller, 'customers:create');
    const row = await this.db
      .$transaction(async (tx) => {
        await assertEmailFree(tx, dto.email);
        return tx.customer.create({ data: { ...dto, userId: dto.userId ?? null } });
      })
      .catch(duplicate);
    return toCustomerView(row);
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateCustomerDto): Promise<CustomerView> {
    const before = await this.find(caller, id, 'customers:update');
    return this.db.$transaction(async (tx) => {
      if (dto.email !== undefined && before.storeId === null) await assertEmailFree(tx, dto.email, id);
      return toCustomerView(await tx.customer.update({ where: { id }, data: dto }));
    });
  }

  /** A customer the caller may see for `permission`; anyone else's is 404 whether or not it exists. */
  async find(caller: CallerIdentity, id: string, permission: 'customers:read' | 'customers:update'): Promise<Prisma.CustomerModel> {
    const row = await this.db.customer.findFirst({ where: { AND: [{ id }, customerScope(caller, permission)] } });
    if (!row) throw customerNotFound();
    return row;
  }
}
