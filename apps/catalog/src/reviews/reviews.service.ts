import { Injectable, Logger } from '@nestjs/common';
import { CreateReviewDto, ReviewView } from '@suite/contracts/catalog';
import { PurchaseVerify } from '@suite/contracts/orders';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import {
  AppError,
  CallerIdentity,
  conflict,
  InjectDb,
  isUniqueViolation,
  NatsClient,
  newestFirstAfter,
  notFound,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { teamScope } from '../access/team-access';
import { requirePermission, requireSignedIn } from '../access/access';

type ReviewRow = Prisma.ReviewGetPayload<object>;

const toReviewView = (r: ReviewRow): ReviewView => ({
  id: r.id,
  productId: r.productId,
  userId: r.userId,
  rating: r.rating,
  title: r.title,
  body: r.body,
  photos: r.photos,
  verified: r.verified,
  response: r.response,
  respondedAt: r.respondedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const productNotFound = () => notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');
const alreadyReviewed = () => conflict('CATALOG.ALREADY_REVIEWED', 'You have already reviewed this product.');

@Injectable()
export class ReviewsService {
  private readonly logger = new Logger('ReviewsService');

  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly nats: NatsClient,
  ) {}

  /** One review per user and product; the product's rating is recomputed in the same transaction. */
  async create(caller: CallerIdentity, productId: string, dto: CreateReviewDto): Promise<ReviewView> {
    requirePermission(caller, 'reviews:create');
    const userId = requireSignedIn(caller);
    if (!(await this.db.product.findFirst({ where: { id: productId, isDeleted: false }, select: { id: true } }))) throw productNotFound();
    if (await this.db.review.findUnique({ where: { productId_userId: { productId, userId } }, select: { id: true } }))
      throw alreadyReviewed();
    const verified = await this.purchased(userId, productId); // asked before the transaction: no lock held while waiting
    try {
      return await this.db.$transaction(async (tx) => {
        // Locking the product serialises concurrent reviews, so the average counts every one of them.
        const locked = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM products WHERE id = ${productId}::uuid AND NOT is_deleted FOR UPDATE`;
        if (locked.length === 0) throw productNotFound();
        const review = await tx.review.create({
          data: {
            productId,
            userId,
            rating: dto.rating,
            title: dto.title ?? null,
            body: dto.body ?? null,
            photos: dto.photos ?? [],
            verified,
          },
        });
        const stats = await tx.review.aggregate({ where: { productId }, _avg: { rating: true }, _count: { _all: true } });
        const average = new Prisma.Decimal(stats._avg.rating ?? 0).toDecimalPlaces(2);
        await tx.product.update({ where: { id: productId }, data: { ratingAverage: average, ratingCount: stats._count._all } });
        return toReviewView(review);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyReviewed();
      throw error;
    }
  }

  /** Public: newest first. */
  async list(productId: string, query: PageQuery): Promise<Page<ReviewView>> {
    if (!(await this.db.product.findFirst({ where: { id: productId, isDeleted: false }, select: { id: true } }))) throw productNotFound();
    const limit = pageLimit(query);
    const rows = await this.db.review.findMany({
      where: { productId, ...newestFirstAfter(query.cursor) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toReviewView), limit, (r) => timeKeyOf(r.createdAt, r.id));
  }

  /** The selling team answers once; another team's product's review is 404. */
  async respond(caller: CallerIdentity, reviewId: string, response: string): Promise<ReviewView> {
    requirePermission(caller, 'reviews:update');
    const review = await this.db.review.findFirst({
      where: { id: reviewId, product: { isDeleted: false, store: teamScope(caller) } },
      select: { id: true },
    });
    if (!review) throw notFound('CATALOG.REVIEW_NOT_FOUND', 'No such review.');
    const { count } = await this.db.review.updateMany({
      where: { id: reviewId, response: null },
      data: { response, respondedAt: new Date(), respondedById: caller.userId ?? null },
    });
    if (count === 0) throw conflict('CATALOG.ALREADY_RESPONDED', 'This review already has a response.');
    return toReviewView(await this.db.review.findUniqueOrThrow({ where: { id: reviewId } }));
  }

  /** Until the orders service answers (not deployed, or down), reviews are stored unverified rather than refused. */
  private async purchased(userId: string, productId: string): Promise<boolean> {
    try {
      const answer = await this.nats.call(PurchaseVerify, { userId, productId });
      return answer?.purchased === true;
    } catch (error) {
      if (error instanceof AppError && error.kind === 'unavailable') {
        this.logger.warn({ code: error.code }, 'purchase verification unavailable; storing the review unverified');
        return false;
      }
      throw error;
    }
  }
}
