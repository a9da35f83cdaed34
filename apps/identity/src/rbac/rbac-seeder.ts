import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ALL_PERMISSIONS, SYSTEM_ROLE_PERMISSIONS, SYSTEM_ROLES } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { InjectDb } from '@suite/platform';
import { AdminSeeder } from './admin-seeder';

/** Makes sure every permission and system role exists with its default grants, then the first admin; safe for replicas starting together. */
@Injectable()
export class RbacSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('RbacSeeder');

  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly admin: AdminSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.db.permission.createMany({
      data: ALL_PERMISSIONS.map((p) => {
        const [resource, action] = p.split(':');
        return { resource, action, description: `${action} ${resource}` };
      }),
      skipDuplicates: true,
    });
    const permissions = new Map((await this.db.permission.findMany()).map((p) => [`${p.resource}:${p.action}`, p.id]));
    await this.db.role.createMany({
      data: SYSTEM_ROLES.map((name) => ({ name, description: SYSTEM_ROLE_PERMISSIONS[name].description, isSystem: true })),
      skipDuplicates: true,
    });
    const roles = await this.db.role.findMany({ where: { name: { in: [...SYSTEM_ROLES] } } });
    await this.db.rolePermission.createMany({
      data: roles.flatMap((role) =>
        SYSTEM_ROLE_PERMISSIONS[role.name as keyof typeof SYSTEM_ROLE_PERMISSIONS].permissions.map((p) => ({
          roleId: role.id,
          permissionId: permissions.get(p)!,
        })),
      ),
      skipDuplicates: true,
    });
    this.logger.log(`${SYSTEM_ROLES.length} system roles and ${ALL_PERMISSIONS.length} permissions in place`);
    await this.admin.seed(); // after the roles it assigns
  }
}
