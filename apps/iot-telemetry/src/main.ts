import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { IOT_TELEMETRY_SERVICE } from './service';

void bootstrapService(AppModule, IOT_TELEMETRY_SERVICE);
