import { Module } from '@nestjs/common';
import { MailModule, PlatformModule } from '@suite/platform';
import { AccountMailer } from './account/account-mailer';
import { AccountNatsController } from './account/account.nats.controller';
import { EmailVerificationService } from './account/email-verification.service';
import { PasswordChangeService } from './account/password-change.service';
import { PasswordResetService } from './account/password-reset.service';
import { ProfileService } from './account/profile.service';
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
import { AdminUsersNatsController } from './admin-users/admin-users.nats.controller';
import { AdminUsersService } from './admin-users/admin-users.service';
import { AuditLog } from './audit/audit-log';
import { AuditLogService } from './audit/audit-log.service';
import { AuditNatsController } from './audit/audit.nats.controller';
import { AuditSettingChangeHandler, SettingAuditConsumer } from './audit/setting-audit.consumer';
import { ImpersonationNatsController } from './impersonation/impersonation.nats.controller';
import { ImpersonationService } from './impersonation/impersonation.service';
import { RolesNatsController } from './roles/roles.nats.controller';
import { RolesService } from './roles/roles.service';
import { TeamMembersService } from './teams/team-members.service';
import { TeamsNatsController } from './teams/teams.nats.controller';
import { TeamsService } from './teams/teams.service';
import { ApiKeyService } from './api-keys/api-key.service';
import { ApiKeysNatsController } from './api-keys/api-keys.nats.controller';
import { TwoFactorSettingsService } from './two-factor/two-factor-settings.service';
import { TwoFactorService } from './two-factor/two-factor.service';
import { TwoFactorNatsController } from './two-factor/two-factor.nats.controller';
import { IdentityExportsNatsController } from './exports/identity-exports.nats.controller';
import { IdentityImportsNatsController } from './imports/identity-imports.nats.controller';
import { UserImportService } from './imports/user-import.service';

@Module({
  imports: [PlatformModule.forService(IDENTITY_SERVICE), MailModule.forRoot()],
  controllers: [
    AuthNatsController,
    AccountNatsController,
    AuditNatsController,
    TeamsNatsController,
    AdminUsersNatsController,
    RolesNatsController,
    ImpersonationNatsController,
    TwoFactorNatsController,
    ApiKeysNatsController,
    IdentityExportsNatsController,
    IdentityImportsNatsController,
  ],
  providers: [
    RbacSeeder,
    AdminSeeder,
    TokenIssuer,
    SecurityLog,
    AccessResolver,
    RegistrationService,
    LoginService,
    SessionService,
    AccountMailer,
    EmailVerificationService,
    PasswordResetService,
    PasswordChangeService,
    ProfileService,
    AuditLog,
    AuditLogService,
    SettingAuditConsumer,
    AuditSettingChangeHandler,
    TeamsService,
    TeamMembersService,
    AdminUsersService,
    RolesService,
    ImpersonationService,
    TwoFactorService,
    TwoFactorSettingsService,
    ApiKeyService,
    UserImportService,
  ],
})
export class AppModule {}
