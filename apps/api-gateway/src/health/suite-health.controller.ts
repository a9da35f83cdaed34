import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SuiteHealth, SuiteHealthService } from './service-health';

interface Reply {
  status(code: number): Reply;
}

@ApiTags('health')
@Controller('health')
export class SuiteHealthController {
  constructor(private readonly health: SuiteHealthService) {}

  /** 200 when every service answers healthy, 503 when any is down; the body always lists each one. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Health of every service behind the gateway' })
  @ApiOkResponse({ description: 'All services are up' })
  @ApiServiceUnavailableResponse({ description: 'At least one service is down; see `services`' })
  async check(@Res({ passthrough: true }) reply: Reply): Promise<SuiteHealth> {
    const report = await this.health.check();
    reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
