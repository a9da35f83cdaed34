import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogSubjects, ProductQuoteLine, ProductQuoteRequest } from '@suite/contracts/catalog';
import { QuoteService } from './quote.service';

/** Called by the orders service only (no HTTP route): prices, stock and cart limits for carts. */
@Controller()
export class QuoteNatsController {
  constructor(private readonly quotes: QuoteService) {}

  @MessagePattern(CatalogSubjects.ProductQuote)
  quote(@Payload() request: ProductQuoteRequest): Promise<ProductQuoteLine[]> {
    return this.quotes.quote(request);
  }
}
