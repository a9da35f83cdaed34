import { Controller } from '@nestjs/common';
import {
  CreateReviewRequest,
  RespondToReviewRequest,
  ReviewCreate,
  ReviewList,
  ReviewListRequest,
  ReviewRespond,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { ReviewsService } from './reviews.service';

@Controller()
export class ReviewsNatsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Handles(ReviewCreate)
  create(r: CreateReviewRequest, caller: CallerIdentity) {
    return this.reviews.create(caller, r.productId, r.body);
  }

  @Handles(ReviewList)
  list(r: ReviewListRequest) {
    const { productId, ...query } = r;
    return this.reviews.list(productId, query);
  }

  @Handles(ReviewRespond)
  respond(r: RespondToReviewRequest, caller: CallerIdentity) {
    return this.reviews.respond(caller, r.reviewId, r.body.response);
  }
}
