import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { LOGISTICS_SERVICE } from './service';

void bootstrapService(AppModule, LOGISTICS_SERVICE);
