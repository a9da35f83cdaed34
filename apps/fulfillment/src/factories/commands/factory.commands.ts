import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CreateFactoryDto,
  FactoryCreated,
  FactoryCredentialsDto,
  FactoryRemovedView,
  FactoryUpdated,
  FactoryView,
  UpdateFactoryDto,
} from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, conflict, encryptionKey, encryptSecret, enqueueEvent, isUniqueViolationOn, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FulfillmentConfig } from '../../config';
import { FactoryAccess } from '../../access/factory-access';
import { normalizeRating, normalizeTags } from '../factory-input';
import { factoryEventPayload, toFactoryView } from '../factory-view';

type Tx = Prisma.TransactionClient;

const duplicateCode = () =>
  conflict('FULFILLMENT.FACTORY_CODE_TAKEN', 'Another factory has this code.', {
    errors: [{ field: 'code', messages: ['already used by another factory'] }],
  });

/** AES-256-GCM with the platform's secret box; only `hasCredentials` ever leaves the service. */
function sealer(config: FulfillmentConfig) {
  const key = encryptionKey(config);
  return (credentials: FactoryCredentialsDto): string => encryptSecret(JSON.stringify(credentials), key);
}

async function withCodeCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolationOn(error, /code/)) throw duplicateCode();
    throw error;
  }
}

export class CreateFactoryCommand extends Command<FactoryView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateFactoryDto,
  ) {
    super();
  }
}

@CommandHandler(CreateFactoryCommand)
export class CreateFactoryHandler implements ICommandHandler<CreateFactoryCommand> {
  private readonly seal: ReturnType<typeof sealer>;

  constructor(
    private readonly uow: UnitOfWork<Tx>,
    config: FulfillmentConfig,
  ) {
    this.seal = sealer(config);
  }

  execute({ caller, dto }: CreateFactoryCommand): Promise<FactoryView> {
    requirePermission(caller, 'factories:create');
    return withCodeCheck(() =>
      this.uow.run(async (tx) => {
        const factory = await tx.factory.create({
          data: {
            name: dto.name.trim(),
            code: dto.code,
            supplierType: dto.supplierType,
            capabilities: normalizeTags(dto.capabilities ?? []),
            printMethods: normalizeTags(dto.printMethods ?? []),
            capacity: dto.capacity ?? 0,
            qualityRating: dto.qualityRating == null ? null : normalizeRating(dto.qualityRating),
            certifications: normalizeTags(dto.certifications ?? []),
            isPrimary: dto.isPrimary ?? false,
            isActive: dto.isActive ?? true,
            contactEmail: dto.contactEmail ?? null,
            integration: dto.integration ?? 'MANUAL',
            credentials: dto.credentials ? this.seal(dto.credentials) : null,
          },
        });
        await enqueueEvent(tx, FactoryCreated, factoryEventPayload(factory));
        return toFactoryView(factory);
      }),
    );
  }
}

export class UpdateFactoryCommand extends Command<FactoryView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly dto: UpdateFactoryDto,
  ) {
    super();
  }
}

@CommandHandler(UpdateFactoryCommand)
export class UpdateFactoryHandler implements ICommandHandler<UpdateFactoryCommand> {
  private readonly seal: ReturnType<typeof sealer>;

  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
    config: FulfillmentConfig,
  ) {
    this.seal = sealer(config);
  }

  /** Absent fields (and null for required ones) are left as they are; credentials, when given, replace the stored ones. */
  execute({ caller, factoryId, dto }: UpdateFactoryCommand): Promise<FactoryView> {
    requirePermission(caller, 'factories:update');
    const data: Prisma.FactoryUpdateInput = {
      ...(dto.name != null ? { name: dto.name.trim() } : {}),
      ...(dto.code != null ? { code: dto.code } : {}),
      ...(dto.supplierType != null ? { supplierType: dto.supplierType } : {}),
      ...(dto.capabilities != null ? { capabilities: normalizeTags(dto.capabilities) } : {}),
      ...(dto.printMethods != null ? { printMethods: normalizeTags(dto.printMethods) } : {}),
      ...(dto.capacity != null ? { capacity: dto.capacity } : {}),
      ...(dto.qualityRating !== undefined ? { qualityRating: normalizeRating(dto.qualityRating) } : {}),
      ...(dto.certifications != null ? { certifications: normalizeTags(dto.certifications) } : {}),
      ...(dto.isPrimary != null ? { isPrimary: dto.isPrimary } : {}),
      ...(dto.isActive != null ? { isActive: dto.isActive } : {}),
      ...(dto.contactEmail !== undefined ? { contactEmail: dto.contactEmail } : {}),
      ...(dto.integration != null ? { integration: dto.integration } : {}),
      ...(dto.credentials != null ? { credentials: this.seal(dto.credentials) } : {}),
    };
    return withCodeCheck(() =>
      this.uow.run(async (tx) => {
        await this.access.visibleFactory(caller, factoryId, tx);
        const factory = await tx.factory.update({ where: { id: factoryId }, data });
        await enqueueEvent(tx, FactoryUpdated, factoryEventPayload(factory));
        return toFactoryView(factory);
      }),
    );
  }
}

export class DeleteFactoryCommand extends Command<FactoryRemovedView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteFactoryCommand)
export class DeleteFactoryHandler implements ICommandHandler<DeleteFactoryCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  /**
   * A factory that fulfillments, supplier orders or productions name is only deactivated (their
   * history keeps it); any other is deleted with its locations, links and supplier variants. The
   * factory row is locked first: a fulfillment assigned meanwhile waits on it (its foreign key).
   */
  execute({ caller, factoryId }: DeleteFactoryCommand): Promise<FactoryRemovedView> {
    requirePermission(caller, 'factories:delete');
    return this.uow.run(async (tx) => {
      await this.access.visibleFactory(caller, factoryId, tx);
      await tx.$queryRaw`SELECT id FROM factories WHERE id = ${factoryId}::uuid FOR UPDATE`;
      const used =
        (await tx.fulfillment.count({ where: { factoryId }, take: 1 })) +
        (await tx.supplierOrder.count({ where: { factoryId }, take: 1 })) +
        (await tx.production.count({ where: { factoryId }, take: 1 }));
      if (used > 0) {
        const factory = await tx.factory.update({ where: { id: factoryId }, data: { isActive: false } });
        await enqueueEvent(tx, FactoryUpdated, factoryEventPayload(factory));
        return { id: factoryId, deleted: false, isActive: false };
      }
      // Consumers learn it is gone as an inactive factory.
      const factory = await tx.factory.delete({ where: { id: factoryId } });
      await enqueueEvent(tx, FactoryUpdated, { ...factoryEventPayload(factory), isActive: false });
      return { id: factoryId, deleted: true, isActive: false };
    });
  }
}
