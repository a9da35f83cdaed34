import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { ALERTING_SERVICE } from './service';

void bootstrapService(AppModule, ALERTING_SERVICE);
