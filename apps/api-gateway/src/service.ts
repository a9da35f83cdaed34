import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { JwtConfig, ServiceDefinition } from '@suite/platform';
import { ApiGatewaySubjects } from '@suite/contracts/api-gateway';

export class GatewayConfig extends JwtConfig {
  /** How long /health waits for each service before reporting it down. */
  @IsInt()
  @Min(100)
  @Max(10000)
  HEALTH_TIMEOUT_MS: number = 1500;

  /** Comma-separated origins allowed by CORS; empty allows none. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;
}

export const GATEWAY_SERVICE: ServiceDefinition<GatewayConfig> = {
  name: 'api-gateway',
  healthSubject: ApiGatewaySubjects.HealthCheck,
  config: GatewayConfig,
};
