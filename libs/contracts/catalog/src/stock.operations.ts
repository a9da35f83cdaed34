import { operation } from '@suite/contracts/identity';
import { ReserveStockRequest, StockOrderRef, StockReservationView } from './stock.dto';
import { CatalogSubjects } from './subjects';

/** Internal (orders): reserve at checkout, every item or none; idempotent per orderId. No HTTP route. */
export const StockReserve = operation({
  subject: CatalogSubjects.StockReserve,
  request: ReserveStockRequest,
  response: StockReservationView,
});

/** Internal (orders): the order was paid, its reservation becomes final. No HTTP route. */
export const StockConfirm = operation({
  subject: CatalogSubjects.StockConfirm,
  request: StockOrderRef,
  response: StockReservationView,
});

/** Internal (orders): the order was cancelled, its reserved units go back to stock. No HTTP route. */
export const StockRelease = operation({
  subject: CatalogSubjects.StockRelease,
  request: StockOrderRef,
  response: StockReservationView,
});
