import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { SecurityLog } from './audit/security-log';
import { AccessResolver } from './auth/access-resolver';
import { AuthNatsController } from './auth/auth.nats.controller';
import { LoginService } from './auth/login.service';
import { RegistrationService } from './auth/registration.service';
import { TokenIssuer } from './auth/token-issuer';
import { AdminSeeder } from './rbac/admin-seeder';
import { RbacSeeder } from './rbac/rbac-seeder';
import { IDENTITY_SERVICE } from './service';
import { SessionService } from './sessions/session.service';

@Module({
  imports: [PlatformModule.forService(IDENTITY_SERVICE)],
  controllers: [AuthNatsController],
  providers: [RbacSeeder, AdminSeeder, TokenIssuer, SecurityLog, AccessResolver, RegistrationService, LoginService, SessionService],
})
export class AppModule {}
