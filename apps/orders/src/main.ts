import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { ORDERS_SERVICE } from './service';

void bootstrapService(AppModule, ORDERS_SERVICE);
