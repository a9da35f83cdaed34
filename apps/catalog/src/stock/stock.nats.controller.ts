import { Controller } from '@nestjs/common';
import {
  ReserveStockRequest,
  StockConfirm,
  StockOrderRef,
  StockRelease,
  StockReservationView,
  StockReserve,
} from '@suite/contracts/catalog';
import { Handles } from '@suite/platform';
import { StockService } from './stock.service';

/** Called by the orders service only (no HTTP route): reserve at checkout, confirm on payment, release on cancel. */
@Controller()
export class StockNatsController {
  constructor(private readonly stock: StockService) {}

  @Handles(StockReserve)
  reserve(request: ReserveStockRequest): Promise<StockReservationView> {
    return this.stock.reserve(request);
  }

  @Handles(StockConfirm)
  confirm(request: StockOrderRef): Promise<StockReservationView> {
    return this.stock.confirm(request.orderId);
  }

  @Handles(StockRelease)
  release(request: StockOrderRef): Promise<StockReservationView> {
    return this.stock.release(request.orderId);
  }
}
