import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogSubjects, CreateReviewDto, ReviewResponseDto, ReviewView } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

/** Product reviews: public reads, one review per buyer, one answer by the selling team. */
@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('products/:id/reviews')
  @ApiBearerAuth()
  @RequirePermissions('reviews:create')
  @ApiOperation({ summary: 'Review a product (once); verified when the orders service confirms the purchase' })
  create(
    @Param('id', ParseUUIDPipe) productId: string,
    @Body() body: CreateReviewDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ReviewView> {
    return this.nats.request(CatalogSubjects.ReviewCreate, { productId, body }, { caller });
  }

  @Get('products/:id/reviews')
  @Public()
  @ApiOperation({ summary: "A product's reviews, newest first" })
  list(
    @Param('id', ParseUUIDPipe) productId: string,
    @Query() query: PageQuery,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<Page<ReviewView>> {
    return this.nats.request(CatalogSubjects.ReviewList, { ...query, productId }, { caller });
  }

  @Post('reviews/:id/response')
  @ApiBearerAuth()
  @RequirePermissions('reviews:update')
  @ApiOperation({ summary: "The product's team answers a review (once)" })
  respond(
    @Param('id', ParseUUIDPipe) reviewId: string,
    @Body() body: ReviewResponseDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ReviewView> {
    return this.nats.request(CatalogSubjects.ReviewRespond, { reviewId, body }, { caller });
  }
}
