import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateFactoryLocationDto, FactoryLocationView, UpdateFactoryLocationDto } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, conflict, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FactoryAccess } from '../../access/factory-access';
import { normalizeLocationInput, normalizeTags } from '../factory-input';
import { FactoryLocation, toLocationView } from '../factory-view';

type Tx = Prisma.TransactionClient;

const locationNotFound = () => notFound('FULFILLMENT.LOCATION_NOT_FOUND', 'No such location at this factory.');
const defaultRequired = () =>
  conflict('FULFILLMENT.DEFAULT_LOCATION_REQUIRED', 'A factory keeps one default location: make another location the default instead.', {
    errors: [{ field: 'isDefault', messages: ['the default location cannot be unset; set isDefault on another location'] }],
  });

/**
 * Every change to a factory's locations locks the factory row first, so the "exactly one default"
 * rule holds however many requests race: they take their turn, each seeing the previous one's default.
 */
async function lockFactory(tx: Tx, access: FactoryAccess, caller: CallerIdentity, factoryId: string): Promise<void> {
  await access.visibleFactory(caller, factoryId, tx);
  await tx.$queryRaw`SELECT id FROM factories WHERE id = ${factoryId}::uuid FOR UPDATE`;
}

/** The location to make default when the default goes away: the oldest active one, else the oldest. */
async function promoteDefault(tx: Tx, factoryId: string, except: string): Promise<void> {
  const next = await tx.factoryLocation.findFirst({
    where: { factoryId, id: { not: except } },
    orderBy: [{ isActive: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  if (!next) return;
  await tx.factoryLocation.updateMany({ where: { factoryId, isDefault: true, id: { not: next.id } }, data: { isDefault: false } });
  await tx.factoryLocation.update({ where: { id: next.id }, data: { isDefault: true } });
}

export class CreateLocationCommand extends Command<FactoryLocationView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly dto: CreateFactoryLocationDto,
  ) {
    super();
  }
}

@CommandHandler(CreateLocationCommand)
export class CreateLocationHandler implements ICommandHandler<CreateLocationCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  /** The factory's first location is its default; a later one with isDefault true takes the default over. */
  execute({ caller, factoryId, dto }: CreateLocationCommand): Promise<FactoryLocationView> {
    requirePermission(caller, 'factories:update');
    const { country, shippingZones } = normalizeLocationInput(dto);
    return this.uow.run(async (tx) => {
      await lockFactory(tx, this.access, caller, factoryId);
      const hasDefault = (await tx.factoryLocation.count({ where: { factoryId, isDefault: true } })) > 0;
      const isDefault = !hasDefault || dto.isDefault === true;
      if (isDefault) await tx.factoryLocation.updateMany({ where: { factoryId, isDefault: true }, data: { isDefault: false } });
      const location = await tx.factoryLocation.create({
        data: {
          factoryId,
          locationType: dto.locationType,
          name: dto.name.trim(),
          address1: dto.address1,
          address2: dto.address2 ?? null,
          city: dto.city,
          province: dto.province ?? null,
          postalCode: dto.postalCode ?? null,
          country: country!,
          capabilities: normalizeTags(dto.capabilities ?? []),
          capacity: dto.capacity ?? 0,
          shippingZones: shippingZones ?? [],
          isDefault,
          isActive: dto.isActive ?? true,
        },
      });
      return toLocationView(location);
    });
  }
}

export class UpdateLocationCommand extends Command<FactoryLocationView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly locationId: string,
    readonly dto: UpdateFactoryLocationDto,
  ) {
    super();
  }
}

@CommandHandler(UpdateLocationCommand)
export class UpdateLocationHandler implements ICommandHandler<UpdateLocationCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  /**
   * isDefault true moves the default here (the previous one is unset in the same transaction);
   * isDefault false on the default is refused: another location is made default instead. A default
   * that is deactivated hands the default to another active location when there is one.
   */
  execute({ caller, factoryId, locationId, dto }: UpdateLocationCommand): Promise<FactoryLocationView> {
    requirePermission(caller, 'factories:update');
    const { country, shippingZones } = normalizeLocationInput(dto);
    return this.uow.run(async (tx) => {
      await lockFactory(tx, this.access, caller, factoryId);
      const before = await this.location(tx, factoryId, locationId);
      if (dto.isDefault === false && before.isDefault) throw defaultRequired();
      if (dto.isDefault === true && !before.isDefault)
        await tx.factoryLocation.updateMany({ where: { factoryId, isDefault: true }, data: { isDefault: false } });
      await tx.factoryLocation.update({
        where: { id: locationId },
        data: {
          ...(dto.locationType != null ? { locationType: dto.locationType } : {}),
          ...(dto.name != null ? { name: dto.name.trim() } : {}),
          ...(dto.address1 != null ? { address1: dto.address1 } : {}),
          ...(dto.address2 !== undefined ? { address2: dto.address2 } : {}),
          ...(dto.city != null ? { city: dto.city } : {}),
          ...(dto.province !== undefined ? { province: dto.province } : {}),
          ...(dto.postalCode !== undefined ? { postalCode: dto.postalCode } : {}),
          ...(country !== undefined ? { country } : {}),
          ...(dto.capabilities != null ? { capabilities: normalizeTags(dto.capabilities) } : {}),
          ...(dto.capacity != null ? { capacity: dto.capacity } : {}),
          ...(shippingZones !== undefined ? { shippingZones } : {}),
          ...(dto.isDefault === true ? { isDefault: true } : {}),
          ...(dto.isActive != null ? { isActive: dto.isActive } : {}),
        },
      });
      const after = await this.location(tx, factoryId, locationId);
      if (after.isDefault && !after.isActive && before.isActive) {
        const otherActive = await tx.factoryLocation.count({ where: { factoryId, isActive: true, id: { not: locationId } } });
        if (otherActive > 0) await promoteDefault(tx, factoryId, locationId);
      }
      return toLocationView(await this.location(tx, factoryId, locationId));
    });
  }

  private async location(tx: Tx, factoryId: string, locationId: string): Promise<FactoryLocation> {
    const location = await tx.factoryLocation.findFirst({ where: { id: locationId, factoryId } });
    if (!location) throw locationNotFound();
    return location;
  }
}

export class DeleteLocationCommand extends Command<{ deleted: true }> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly locationId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteLocationCommand)
export class DeleteLocationHandler implements ICommandHandler<DeleteLocationCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  /** Deleting the default promotes another location (the oldest active one, else the oldest). */
  execute({ caller, factoryId, locationId }: DeleteLocationCommand): Promise<{ deleted: true }> {
    requirePermission(caller, 'factories:update');
    return this.uow.run(async (tx) => {
      await lockFactory(tx, this.access, caller, factoryId);
      const location = await tx.factoryLocation.findFirst({ where: { id: locationId, factoryId } });
      if (!location) throw locationNotFound();
      if (location.isDefault) await promoteDefault(tx, factoryId, locationId);
      await tx.factoryLocation.delete({ where: { id: locationId } });
      return { deleted: true as const };
    });
  }
}
