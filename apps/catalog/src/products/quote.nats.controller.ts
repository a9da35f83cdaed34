import { Controller } from '@nestjs/common';
import { ProductQuote, ProductQuoteLine, ProductQuoteRequest } from '@suite/contracts/catalog';
import { Handles } from '@suite/platform';
import { QuoteService } from './quote.service';

/** Called by the orders service only (no HTTP route): prices, stock and cart limits for carts. */
@Controller()
export class QuoteNatsController {
  constructor(private readonly quotes: QuoteService) {}

  @Handles(ProductQuote)
  quote(request: ProductQuoteRequest): Promise<ProductQuoteLine[]> {
    return this.quotes.quote(request);
  }
}
