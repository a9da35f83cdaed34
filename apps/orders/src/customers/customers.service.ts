import { Injectable } from '@nestjs/common';
import { CreateCustomerDto, CustomerListQuery, CustomerView, UpdateCustomerDto } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import {
  CallerIdentity,
  conflict,
  InjectDb,
  isUniqueViolation,
  newestFirstAfter,
  Page,
  pageLimit,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { requireSignedIn } from '../access';
import { customerNotFound, customerScope } from './customer-access';
import { shopEmailTaken } from './customer-email';
import { toCustomerView } from './customer-view';

const exists = (field: string) =>
  conflict('ORDERS.CUSTOMER_EXISTS', `A customer with this ${field} already exists.`, {
    errors: [{ field, messages: [`${field} is already a customer's`] }],
  });

const duplicate = (error: unknown): never => {
  if (isUniqueViolation(error)) throw exists('userId');
  throw error;
};

async function assertEmailFree(tx: Prisma.TransactionClient, email: string, exceptId?: string): Promise<void> {
  if (await shopEmailTaken(tx, email, exceptId)) throw exists('email');
}

@Injectable()
export class CustomersService {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  /**
   * The signed-in user's customer row, created on first use. Identity owns the email and is not
   * asked here: a row created this way has email '' until identity's UserRegistered event fills it
   * (RegisteredUserConsumer), or staff set it.
   */
  async ensureOwn(caller: CallerIdentity): Promise<Prisma.CustomerModel> {
    const userId = requireSignedIn(caller);
    // Prisma's upsert reads then inserts: RegisteredUserConsumer may insert the row in between, and then it is simply there.
    return this.db.customer.upsert({ where: { userId }, update: {}, create: { userId, email: '' } }).catch(async (error) => {
      if (!isUniqueViolation(error)) throw error;
      return this.db.customer.findUniqueOrThrow({ where: { userId } });
    });
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
