import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogSubjects, ReserveStockRequest, StockOrderRef, StockReservationView } from '@suite/contracts/catalog';
import { StockService } from './stock.service';

/** Called by the orders service only (no HTTP route): reserve at checkout, confirm on payment, release on cancel. */
@Controller()
export class StockNatsController {
  constructor(private readonly stock: StockService) {}

  @MessagePattern(CatalogSubjects.StockReserve)
  reserve(@Payload() request: ReserveStockRequest): Promise<StockReservationView> {
    return this.stock.reserve(request);
  }

  @MessagePattern(CatalogSubjects.StockConfirm)
  confirm(@Payload() request: StockOrderRef): Promise<StockReservationView> {
    return this.stock.confirm(request.orderId);
  }

  @MessagePattern(CatalogSubjects.StockRelease)
  release(@Payload() request: StockOrderRef): Promise<StockReservationView> {
    return this.stock.release(request.orderId);
  }
}
