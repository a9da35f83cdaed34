import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { PageQuery, pageOf } from '@suite/contracts/core';
import { ProductRef } from './products.operations';
import { CreateReviewDto, ReviewResponseDto, ReviewView } from './reviews.dto';
import { CatalogSubjects } from './subjects';

export class CreateReviewRequest extends ProductRef {
  @ValidateNested() @Type(() => CreateReviewDto) body: CreateReviewDto;
}
/** `GET /products/:productId/reviews`: the product and the page. */
export class ReviewListRequest extends PageQuery {
  @IsUUID() productId: string;
}
export class RespondToReviewRequest {
  @IsUUID() reviewId: string;
  @ValidateNested() @Type(() => ReviewResponseDto) body: ReviewResponseDto;
}

/** Product reviews: public reads, one review per buyer, one answer by the selling team. */
export const ReviewCreate = operation({
  subject: CatalogSubjects.ReviewCreate,
  request: CreateReviewRequest,
  response: ReviewView,
  permissions: ['reviews:create'],
  http: {
    method: 'POST',
    path: 'products/:productId/reviews',
    body: CreateReviewDto,
    summary: 'Review a product (once); verified when the orders service confirms the purchase',
  },
});

export const ReviewList = operation({
  subject: CatalogSubjects.ReviewList,
  request: ReviewListRequest,
  response: pageOf(ReviewView),
  http: {
    method: 'GET',
    path: 'products/:productId/reviews',
    public: true,
    query: PageQuery,
    summary: "A product's reviews, newest first",
  },
});

export const ReviewRespond = operation({
  subject: CatalogSubjects.ReviewRespond,
  request: RespondToReviewRequest,
  response: ReviewView,
  permissions: ['reviews:update'],
  http: {
    method: 'POST',
    path: 'reviews/:reviewId/response',
    body: ReviewResponseDto,
    summary: "The product's team answers a review (once)",
  },
});

export const ReviewOperations = [ReviewCreate, ReviewList, ReviewRespond];
